import { readFileSync } from 'node:fs';
import { sleep } from '../load/clock';
import { GeneratorPool } from '../load/generator-pool';
import type { ConnectStats, PingStats, SocketSpec, StatusStats } from '../load/generator-protocol';
import { LatencyHistogram } from '../load/histogram';
import { BenchApi } from '../setup/http-api';
import { createUsers } from '../setup/population';
import { heapAfterGc, type HeapSample } from '../targets/heap-probe';
import type { CaseResult, Scenario, ScenarioContext } from './scenario';
import { round } from './socket-phases';

/** The soft limit on open files of a process ('self' or a pid), from /proc. */
export const openFileLimit = (pid: number | 'self'): number => {
  const line = readFileSync(`/proc/${pid}/limits`, 'utf8').split('\n').find((row) => row.startsWith('Max open files'));
  return Number(line?.split(/\s{2,}/)[1] ?? 1024);
};

/** Sockets per generator process, below its open-file limit with room to spare. */
const socketsPerGenerator = (): number => Math.max(100, Math.min(5_000, openFileLimit('self') - 500));

const MB = 1024 * 1024;

/** Growth from `before` to `after` per socket (0 when either is missing). */
const perSocket = (before: number | undefined, after: number | undefined, sockets: number): number =>
  before === undefined || after === undefined || sockets === 0 ? 0 : Math.round((after - before) / sockets);

/**
 * Idle sockets on ONE gateway (the monolith, the relay, or the split deployment's first
 * gateway): opens `connections` sockets spread over `connectionUsers` users (several
 * devices each) from as many generator processes as the open-file limit needs, holds
 * them, counts how many are still open, and compares the gateway's memory before and
 * after, each read right after a full garbage collection (see targets/heap-probe.ts):
 * the V8 heap the sockets retain (the budget's figure) and the resident memory. A few
 * application-level pings show the gateway still answers.
 */
export const connectionsScenario: Scenario = {
  name: 'connections',
  title: 'connections: idle sockets held by one gateway, and its memory per connection',
  metrics: [
    { key: 'held', label: 'sockets held', digits: 0 },
    { key: 'connectPerSecond', label: 'opened/s', digits: 0 },
    { key: 'heapBytesPerConnection', label: 'heap bytes/conn (after GC)', digits: 0 },
    { key: 'bytesPerConnection', label: 'RSS bytes/conn (after GC)', digits: 0 },
    { key: 'pingP99Ms', label: 'ping p99 ms', digits: 2 },
  ],
  async run({ target, options, log }: ScenarioContext): Promise<CaseResult[]> {
    const gateway = target.gateways[0];
    if (gateway === undefined) throw new Error(`${target.name} has no gateway`);
    const users = await createUsers(new BenchApi(gateway.httpUrl, log), Math.min(options.connectionUsers, options.connections));
    const generators = Math.max(options.generators, Math.ceil(options.connections / socketsPerGenerator()));
    const serverFileLimit = openFileLimit(target.firstGateway.pid);
    await sleep(1_000);
    const pid = target.firstGateway.pid;
    const before = await heapAfterGc(pid);
    const pool = await GeneratorPool.start(generators);
    try {
      const perGenerator: SocketSpec[][] = Array.from({ length: generators }, () => []);
      for (let index = 0; index < options.connections; index += 1) {
        const user = users[index % users.length];
        if (user !== undefined) perGenerator[index % generators]?.push({ url: gateway.wsUrl, token: user.token });
      }
      log(`opening ${options.connections} sockets from ${generators} generators (server open-file limit ${serverFileLimit})`);
      const connected = await pool.all<ConnectStats>(
        (index) => ({ kind: 'connect', sockets: perGenerator[index] ?? [], concurrency: 100, timeoutMs: 30_000 }),
        300_000,
      );
      const seconds = Math.max(...connected.map((answer) => answer.seconds));
      await sleep(options.holdSeconds * 1000);
      const open = (await pool.all<StatusStats>(() => ({ kind: 'status' }), 30_000)).reduce((sum, answer) => sum + answer.open, 0);
      const after = await heapAfterGc(pid);
      const pings = await pool.all<PingStats>(() => ({ kind: 'pings', count: Math.ceil(200 / generators), spreadMs: 1_000, timeoutMs: 10_000 }), 60_000);
      const latency = new LatencyHistogram();
      pings.forEach((answer) => latency.add(answer.latency));
      const ping = latency.summary();
      const opened = connected.reduce((sum, answer) => sum + answer.opened, 0);
      const mb = (sample: HeapSample | undefined, key: 'heapUsedBytes' | 'heapTotalBytes' | 'rssBytes') => round((sample?.[key] ?? 0) / MB);
      log(`${open} of ${options.connections} sockets held; after GC: heap ${mb(before, 'heapUsedBytes')} -> ${mb(after, 'heapUsedBytes')} MB, RSS ${mb(before, 'rssBytes')} -> ${mb(after, 'rssBytes')} MB`);
      return [{
        case: `${options.connections} idle sockets`,
        metrics: {
          held: open,
          connectPerSecond: Math.round(opened / Math.max(seconds, 0.001)),
          heapBytesPerConnection: perSocket(before?.heapUsedBytes, after?.heapUsedBytes, open),
          bytesPerConnection: perSocket(before?.rssBytes, after?.rssBytes, open),
          pingP50Ms: round(ping.p50Ms, 2),
          pingP99Ms: round(ping.p99Ms, 2),
        },
        details: {
          attempted: options.connections, opened, failed: options.connections - opened,
          firstError: connected.find((answer) => answer.firstError)?.firstError,
          users: users.length, generators, serverOpenFileLimit: serverFileLimit,
          heapBeforeMB: mb(before, 'heapUsedBytes'), heapAfterMB: mb(after, 'heapUsedBytes'),
          heapReservedBeforeMB: mb(before, 'heapTotalBytes'), heapReservedAfterMB: mb(after, 'heapTotalBytes'),
          rssBeforeMB: mb(before, 'rssBytes'), rssAfterMB: mb(after, 'rssBytes'),
          externalBytesPerConnection: perSocket(before?.externalBytes, after?.externalBytes, open),
          pingsAnswered: latency.count,
        },
      }];
    } finally {
      await pool.close();
    }
  },
};
