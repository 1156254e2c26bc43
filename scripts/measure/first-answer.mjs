// Measures what a self-hoster waits for: the time from running a start command to the first
// answered GET /health, then the server's resident memory after it idled. The server keeps its
// data in a fresh DATA_DIR (SQLite, the default) unless STORAGE says otherwise.
//   node scripts/measure/first-answer.mjs [runs=5] [idle seconds=10] -- <command...>   (default command: npm start)
/* global setTimeout, performance, fetch */
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer } from 'node:net';

const separator = process.argv.indexOf('--');
const [runs = 5, idleSeconds = 10] = process.argv.slice(2, separator === -1 ? undefined : separator).map(Number);
const command = separator === -1 ? ['npm', 'start'] : process.argv.slice(separator + 1);

const freePort = () =>
  new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const listeningPid = (port) => Number(/pid=(\d+)/.exec(execFileSync('ss', ['-Htlnp', `sport = :${port}`], { encoding: 'utf8' }))?.[1]);
const rssMiB = (pid) => Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1]) / 1024;

const results = [];
for (let run = 1; run <= runs; run += 1) {
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'chatterroom-measure-'));
  const started = performance.now();
  const child = spawn(command[0], command.slice(1), {
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, LOG_LEVEL: 'warn' },
    stdio: 'ignore',
    detached: true,
  });
  let firstAnswerMs;
  while (firstAnswerMs === undefined) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/health`)).ok) firstAnswerMs = performance.now() - started;
    } catch {
      await sleep(10);
    }
  }
  await sleep(idleSeconds * 1000);
  const rss = rssMiB(listeningPid(port));
  process.kill(-child.pid, 'SIGTERM');
  await new Promise((resolve) => child.once('exit', resolve));
  rmSync(dataDir, { recursive: true, force: true });
  results.push({ firstAnswerMs, rss });
  console.log(`run ${run}: first answer after ${firstAnswerMs.toFixed(0)} ms, idle RSS ${rss.toFixed(1)} MiB`);
}
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
console.log(`median of ${runs}: first answer ${median(results.map((r) => r.firstAnswerMs)).toFixed(0)} ms, idle RSS ${median(results.map((r) => r.rss)).toFixed(1)} MiB`);
