import { join } from 'node:path';
import { serviceUrls } from '@chatterroom/test/harness/services/service-urls';
import { freePort } from '@chatterroom/test/harness/system/free-port';
import { httpHealthy, waitUntilReady } from '@chatterroom/test/harness/system/readiness';
import { RoleProcess } from '@chatterroom/test/harness/system/role-process';
import { startMonolith } from '@chatterroom/test/harness/system/targets/monolith.target';
import { gatewayEndpoint, type RunningTarget } from '@chatterroom/test/harness/system/targets/running-target';
import { startSplit } from '@chatterroom/test/harness/system/targets/split.target';
import type { BenchTarget, BenchTargetOptions, TargetName } from './bench-target';
import { childPidsOf, pidListeningOn, type ProbedProcess } from './process-probe';

const HOST = '127.0.0.1';
/** Servers log warnings and errors only, as the system suite runs them: request logs would dominate the profile. */
const LOG_LEVEL = 'warn';

/** Chat-service replicas of the split targets that run more than one. */
const CHAT_REPLICAS: Partial<Record<TargetName, number>> = { 'split-2chat': 2, 'split-3chat': 3 };

const pidOf = (child: RoleProcess): number => {
  const match = /pid (\d+)\)/.exec(child.describe('is running'));
  if (!match) throw new Error(`could not read the pid of ${child.name}`);
  return Number(match[1]);
};

/** The port of a service URL (its scheme's default when the URL names none). */
const portOf = (url: string, fallback: number): number => Number(new URL(url).port || fallback);

/** The names of the shared services' processes in a split target's CPU tables (shared with whatever else uses them). */
export const SHARED_SERVICE_NAMES: ReadonlySet<string> = new Set(['rabbitmq', 'redis', 'ferretdb']);

/**
 * The shared services whose CPU the split target's tables show, found where the deployment
 * itself connects: TEST_AMQP_URL, TEST_REDIS_URL and TEST_MONGO_URL, as the system harness reads them.
 */
const infrastructure = (): ReadonlyArray<readonly [string, number]> => [
  ['rabbitmq', portOf(serviceUrls.amqp, 5672)], ['redis', portOf(serviceUrls.redis, 6379)], ['ferretdb', portOf(serviceUrls.mongo, 27017)],
];

/** The split target drops its own databases, exchange and Redis keys when it stops. */
const fromRunning = (name: TargetName, running: RunningTarget, extra: readonly ProbedProcess[]): BenchTarget => {
  const own = running.processes.flatMap((child) => {
    const pid = pidOf(child);
    // The monolith's socket processes (SOCKET_PROCESSES > 0) are its children: their CPU is the monolith's too.
    const forked = child.name === 'monolith' ? childPidsOf(pid).map((childPid, index) => ({ name: `monolith-socket-${index + 1}`, pid: childPid })) : [];
    return [{ name: child.name, pid }, ...forked];
  });
  const first = own.find((child) => child.name === 'monolith' || child.name === 'gateway-1' || child.name === 'baseline') ?? own[0];
  if (first === undefined) throw new Error(`${name} has no process`);
  return {
    name,
    gateways: running.endpoints.gateways,
    processes: [...own, ...extra],
    firstGateway: first,
    stop: () => running.stop(),
    killNow: () => running.killNow(),
  };
};

/** The baseline relay (bench/baseline), started and watched like a role of the system harness. */
const startBaseline = async (options: BenchTargetOptions): Promise<RunningTarget> => {
  const port = await freePort(HOST);
  const relay = new RoleProcess({
    name: 'baseline',
    role: 'baseline',
    mainPath: join(__dirname, '..', 'baseline', 'relay.main.js'),
    cwd: options.rootDir,
    env: { PORT: String(port), HOST, ...options.env },
  });
  const endpoint = gatewayEndpoint(HOST, port);
  try {
    await waitUntilReady(relay, `GET ${endpoint.httpUrl}/health`, () => httpHealthy(endpoint.httpUrl), options.startTimeoutMs);
  } catch (error) {
    await relay.stop();
    throw error;
  }
  return { endpoints: { gateways: [endpoint] }, processes: [relay], stop: () => relay.stop(), killNow: () => relay.killNow() };
};

/** Starts one target: the relay, or a deployment exactly as the system suite starts it (compiled dist/). */
export const startTarget = async (name: TargetName, options: BenchTargetOptions): Promise<BenchTarget> => {
  const harnessOptions = { rootDir: options.rootDir, startTimeoutMs: options.startTimeoutMs, logLevel: LOG_LEVEL, env: options.env };
  if (name === 'baseline') return fromRunning(name, await startBaseline(options), []);
  if (name === 'monolith') return fromRunning(name, await startMonolith({ ...harnessOptions, env: { STORAGE: 'memory', ...options.env } }), []);
  if (name === 'monolith-sqlite') return fromRunning(name, await startMonolith(harnessOptions), []);
  const running = await startSplit({ ...harnessOptions, chatReplicas: CHAT_REPLICAS[name] ?? 1 });
  const shared = infrastructure().flatMap(([label, port]) => {
    const pid = pidListeningOn(port);
    return pid === undefined ? [] : [{ name: label, pid }];
  });
  return fromRunning(name, running, shared);
};
