// Measures the single executable: its size, the time from exec to the first answered
// GET /health (and the CPU it used until then), and the resident memory once idle. Not a test: figures for docs/performance.md.
//   node scripts/binary/measure-binary.mjs [runs=5] [-- extra environment as NAME=value ...]
// Each run copies the binary to a fresh temporary folder and runs it from there.
import { spawn } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const binary = join(root, 'dist', 'bin', 'chatterroom');
const separator = process.argv.indexOf('--');
const runs = Number(process.argv[2] && process.argv[2] !== '--' ? process.argv[2] : 5);
const extraEnv = Object.fromEntries(separator < 0 ? [] : process.argv.slice(separator + 1).map((pair) => pair.split(/=(.*)/s).slice(0, 2)));

const freePort = () =>
  new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });

const rssKiB = (pid) => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1]);
/** User + system CPU the process has used, in ms (Linux: clock ticks of 10 ms): a figure other load on the machine hardly moves. */
const cpuMs = (pid) => {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
};

const once = async () => {
  const dir = mkdtempSync(join(tmpdir(), 'chatterroom-measure-'));
  const copy = join(dir, 'chatterroom');
  copyFileSync(binary, copy);
  const port = await freePort();
  const started = process.hrtime.bigint();
  const child = spawn(copy, [], {
    cwd: dir,
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn', DATA_DIR: join(dir, 'data'), ...extraEnv },
    stdio: 'ignore',
  });
  let firstAnswerMs;
  let startCpuMs;
  while (firstAnswerMs === undefined) {
    try {
      const response = await globalThis.fetch(`http://127.0.0.1:${port}/health`);
      await response.arrayBuffer();
      if (response.ok) {
        firstAnswerMs = Number(process.hrtime.bigint() - started) / 1e6;
        startCpuMs = cpuMs(child.pid);
      }
    } catch {
      if (child.exitCode !== null) throw new Error(`the binary exited with ${child.exitCode} before answering`);
      await sleep(5);
    }
  }
  await sleep(2_000);
  const idleRss = rssKiB(child.pid);
  child.kill('SIGTERM');
  await new Promise((resolve) => child.once('exit', resolve));
  rmSync(dir, { recursive: true, force: true });
  return { firstAnswerMs, startCpuMs, idleRss };
};

const results = [];
for (let run = 0; run < runs; run += 1) results.push(await once());
const median = (values) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)];
console.log(`binary: ${(statSync(binary).size / 2 ** 20).toFixed(1)} MiB`);
console.log(`exec -> first answered GET /health: median ${median(results.map((r) => r.firstAnswerMs)).toFixed(0)} ms ` +
  `(runs: ${results.map((r) => r.firstAnswerMs.toFixed(0)).join(', ')})`);
console.log(`CPU used until then: median ${median(results.map((r) => r.startCpuMs))} ms`);
console.log(`idle RSS 2 s after the first answer: median ${(median(results.map((r) => r.idleRss)) / 1024).toFixed(0)} MiB`);
