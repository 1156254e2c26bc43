import { CpuWindow } from '../targets/process-probe';
import { GeneratorPool } from '../load/generator-pool';
import type { HttpStats } from '../load/generator-protocol';
import { LatencyHistogram } from '../load/histogram';
import { BenchApi } from '../setup/http-api';
import { createRoomWith, createUsers } from '../setup/population';
import type { BenchOptions } from './bench-options';
import type { CaseResult, Scenario, ScenarioContext } from './scenario';
import { round } from './socket-phases';

/** A scenario posting into one room over HTTP: its name, title and how many connections post at once. */
interface OneRoomPosting {
  readonly name: string;
  readonly title: string;
  readonly connectionsOf: (options: BenchOptions) => number;
}

/**
 * POST /chats/room/{roomId} from a generator process against every gateway: as fast as the
 * target answers (autocannon), then at a fixed fraction of that rate, evenly paced (see
 * runPaced). The room's members have no socket open, so this is the HTTP path without
 * WebSocket fan-out.
 */
const oneRoomPostingScenario = ({ name, title, connectionsOf }: OneRoomPosting): Scenario => ({
  name,
  title,
  metrics: [
    { key: 'requestsPerSecond', label: 'requests/s', digits: 0 },
    { key: 'p50Ms', label: 'p50 ms', digits: 2 },
    { key: 'p95Ms', label: 'p95 ms', digits: 2 },
    { key: 'p99Ms', label: 'p99 ms', digits: 2 },
  ],
  async run({ target, options, log }: ScenarioContext): Promise<CaseResult[]> {
    const connections = connectionsOf(options);
    const api = new BenchApi(target.gateways[0]?.httpUrl ?? '', log);
    const users = await createUsers(api, options.httpRoomSize);
    const roomId = await createRoomWith(api, users, 'bench-http');
    const sender = users[0];
    if (sender === undefined) throw new Error('no sender');
    const pool = await GeneratorPool.start(1);
    const phase = async (name: string, overallRate?: number): Promise<CaseResult> => {
      const cpu = new CpuWindow(target.processes);
      const warmupTimer = setTimeout(() => cpu.start(), options.warmupSeconds * 1000);
      const [stats] = await pool.all<HttpStats>(() => ({
        kind: 'http',
        plan: {
          urls: target.gateways.map((gateway) => gateway.httpUrl),
          path: `/chats/room/${roomId}`,
          token: sender.token,
          body: JSON.stringify({ message: `bench http ${'x'.repeat(options.padding)}` }),
          connections,
          warmupSeconds: options.warmupSeconds,
          durationSeconds: options.durationSeconds,
          ...(overallRate === undefined ? {} : { overallRate }),
        },
      }), (options.warmupSeconds + options.durationSeconds) * 1000 + 60_000);
      clearTimeout(warmupTimer);
      const cpuUse = cpu.stop();
      if (stats === undefined) throw new Error('no answer from the generator');
      const latency = new LatencyHistogram().add(stats.latency).summary();
      const requestsPerSecond = stats.ok / stats.durationSeconds;
      log(`${name}: ${Math.round(requestsPerSecond)} requests/s, p99 ${round(latency.p99Ms, 2)} ms, non-2xx ${stats.non2xx}`);
      return {
        case: name,
        metrics: {
          requestsPerSecond: Math.round(requestsPerSecond),
          p50Ms: round(latency.p50Ms, 2),
          p95Ms: round(latency.p95Ms, 2),
          p99Ms: round(latency.p99Ms, 2),
          ...(overallRate === undefined ? {} : { offeredRequestsPerSecond: Math.round(overallRate) }),
        },
        cpu: cpuUse,
        details: {
          maxMs: round(latency.maxMs, 2), non2xx: stats.non2xx, errors: stats.errors, statusCodes: stats.statusCodes,
          generatorLoad: round(stats.eventLoopUtilization, 2), monotonicWindow: cpu.monotonicWindow,
        },
      };
    };
    try {
      const max = await phase(`${connections} connections · max`);
      const rate = Math.max(1, (max.metrics.requestsPerSecond ?? 0) * options.fixedFraction);
      const fixed = await phase(`${Math.round(options.fixedFraction * 100)}% of max`, rate);
      return [max, fixed];
    } finally {
      await pool.close();
    }
  },
});

export const httpScenario = oneRoomPostingScenario({
  name: 'http',
  title: 'http: POST /chats/room/{roomId} (requests/s, latency)',
  connectionsOf: (options) => options.httpConnections,
});

/**
 * The ceiling of ONE conversation: the same posts with enough connections in flight that
 * group commit, not the client, sets the pace (`--room-connections`, default 128).
 */
export const roomScenario = oneRoomPostingScenario({
  name: 'room',
  title: 'room: messages/s into one room, POST /chats/room/{roomId} (requests/s, latency)',
  connectionsOf: (options) => options.roomConnections,
});
