/* global fetch, performance, setTimeout, setInterval, URL */
// One flooding /ws/chat socket against one other user's latency, on loopback, bounded to a few
// seconds per phase. Not a test: `npm run build && node scripts/measure/flood-p99.mjs`.
// The flooder runs in a process of its own (this file with FLOOD_TOKEN set), so it never starves
// the measuring client. Starts the built monolith twice (RATE_LIMITS=off, then the default limits) and prints, for each,
// the other user's p50/p99 of GET history without and during the flood, and what the flood stored.
import { spawn } from 'node:child_process';
import { setTimeout as sleep } from 'node:timers/promises';
import WebSocket from 'ws';

const PHASE_MS = Number(process.env.PHASE_MS ?? 5_000);
const PORT = Number(process.env.MEASURE_PORT ?? 3977);
const base = `http://127.0.0.1:${PORT}`;

const post = async (path, body, token) => {
  const response = await fetch(base + path, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
  return response.json();
};

const user = async (name) => {
  const username = `${name}${Date.now() % 1e6}${Math.floor(Math.random() * 1e4)}`;
  const { userId } = await post('/users/create', { username, email: `${username}@example.test`, password: 'correct horse' });
  const { token } = await post('/users/authenticate', { username, password: 'correct horse' });
  return { userId, token };
};

const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];

/** The victim's sequential GET history latencies for `ms`. */
const victimLatencies = async (victim, peer, ms) => {
  const latencies = [];
  const until = performance.now() + ms;
  while (performance.now() < until) {
    const began = performance.now();
    const response = await fetch(`${base}/chats/private/${peer.userId}/history?limit=20`, { headers: { authorization: `Bearer ${victim.token}` } });
    await response.arrayBuffer();
    latencies.push(performance.now() - began);
  }
  latencies.sort((a, b) => a - b);
  return { requests: latencies.length, p50: percentile(latencies, 50).toFixed(1), p99: percentile(latencies, 99).toFixed(1) };
};

/** A socket sending private.send frames as fast as the socket drains, reopening when closed, until stopped. */
const flood = (attacker, target) => {
  const counts = { acks: 0, limited: 0, closes1008: 0, refusedUpgrades: 0 };
  let stopped = false;
  const open = () => {
    if (stopped) return;
    const socket = new WebSocket(`ws://127.0.0.1:${PORT}/ws/chat`, { headers: { authorization: `Bearer ${attacker.token}` } });
    let reopened = false;
    const reopen = (delayMs) => { if (!reopened) { reopened = true; setTimeout(open, delayMs); } };
    socket.on('unexpected-response', (request, response) => { counts.refusedUpgrades += 1; response.resume(); socket.terminate(); reopen(50); });
    socket.on('error', () => reopen(50));
    socket.on('message', (data) => {
      const frame = JSON.parse(String(data));
      if (frame.type === 'ack') counts.acks += 1;
      if (frame.code === 'RATE_LIMITED') counts.limited += 1;
    });
    socket.on('close', (code) => { if (code === 1008) counts.closes1008 += 1; reopen(0); });
    socket.on('open', () => {
      const pump = () => {
        for (let i = 0; i < 200 && socket.readyState === WebSocket.OPEN && socket.bufferedAmount < 1 << 20; i += 1) {
          socket.send(JSON.stringify({ type: 'private.send', to: target.userId, message: 'flood' }));
        }
        if (!stopped && socket.readyState === WebSocket.OPEN) setTimeout(pump, 0);
        if (stopped) socket.terminate();
      };
      pump();
    });
  };
  open();
  return { counts, stop: () => { stopped = true; } };
};

if (process.env.FLOOD_TOKEN) {
  const flooder = flood({ token: process.env.FLOOD_TOKEN }, { userId: Number(process.env.FLOOD_TO) });
  setInterval(() => process.stdout.write(`${JSON.stringify(flooder.counts)}\n`), 250);
  await new Promise(() => {});
}

/** Starts the flooder process; `stop` ends it and resolves its counts. */
const floodInChild = (attacker, target) => {
  const child = spawn(process.execPath, [new URL(import.meta.url).pathname], {
    env: { ...process.env, FLOOD_TOKEN: attacker.token, FLOOD_TO: String(target.userId) },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  const exited = new Promise((resolve) => child.on('exit', resolve));
  return {
    stop: async () => {
      child.kill('SIGKILL');
      await exited;
      return JSON.parse(output.trim().split('\n').pop() || '{}');
    },
  };
};

const runMonolith = async (env) => {
  const child = spawn(process.execPath, ['dist/src/main.js', 'monolith'], {
    env: { ...process.env, PORT: String(PORT), HOST: '127.0.0.1', METRICS_PORT: '0', LOG_LEVEL: 'error', BCRYPT_COST: '4', ...env },
    stdio: 'ignore',
  });
  for (let i = 0; i < 300; i += 1) {
    try { if ((await fetch(`${base}/health`)).ok) return child; } catch { /* not yet */ }
    await sleep(100);
  }
  child.kill();
  throw new Error('monolith did not start');
};

const PHASES = [['limits off', { RATE_LIMITS: 'off' }], ['default limits', {}]].filter(([label]) => !process.env.ONLY || label === process.env.ONLY);
for (const [label, env] of PHASES) {
  const child = await runMonolith(env);
  try {
    const [victim, peer, attacker, sink] = [await user('v'), await user('p'), await user('a'), await user('s')];
    const quiet = await victimLatencies(victim, peer, PHASE_MS);
    const flooder = floodInChild(attacker, sink);
    await sleep(500);
    console.error(`[${label}] flooding`);
    const loud = await victimLatencies(victim, peer, PHASE_MS);
    console.error(`[${label}] measured`);
    const counts = await flooder.stop();
    console.log(JSON.stringify({ label, phaseMs: PHASE_MS, quiet, duringFlood: loud, flood: counts }));
  } finally {
    const exited = new Promise((resolve) => child.on('exit', resolve));
    child.kill('SIGTERM');
    await Promise.race([exited, sleep(12_000)]);
    child.kill('SIGKILL');
  }
}
