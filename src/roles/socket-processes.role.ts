import { disposeContainer } from './dispose-container';
import cluster, { type Worker } from 'node:cluster';
import type { AwilixContainer } from 'awilix';
import { createMonolithContainer } from '@chatterroom/composition/monolith.container';
import { SOCKET_PROCESS_PORTS } from '@chatterroom/composition/socket-process-ports';
import { childChannel, IpcPortServer } from '@chatterroom/platform/ipc';
import type { AppLogger } from '@chatterroom/platform/logging/create-logger';
import type { MonolithConfig } from './role-configs';
import type { RunningRole } from './running-role';
import { closeOnce } from './close-once';
import { ClusterMetrics } from '@chatterroom/platform/metrics/cluster-metrics';
import { startMetricsServer } from '@chatterroom/platform/metrics/metrics-endpoint';

/** A socket process that dies sooner than this after its start is replaced after this delay, not at once. */
const RESTART_DELAY_MS = 1_000;
/** How long socket processes get to drain (on top of the drain delay) before they are killed. */
const SOCKET_PROCESS_GRACE_MS = 12_000;

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The modules' process of a monolith with SOCKET_PROCESSES > 0: it holds the modules, their
 * storage and the in-process buses, and forks that many socket processes (node:cluster, which
 * shares the listening port among them) that hold the WebSockets and HTTP and reach the
 * modules over IPC. A socket process that dies is replaced; its clients reconnect to another
 * and resume from their cursors.
 */
export const startSocketProcessesPrimary = async (config: MonolithConfig, logger: AppLogger): Promise<RunningRole> => {
  const container: AwilixContainer = await createMonolithContainer(config, logger);
  const cradle = container.cradle as Record<string, object>;
  const server = new IpcPortServer({
    ports: Object.fromEntries(SOCKET_PROCESS_PORTS.map((name) => [name, cradle[name] as object])),
    eventBus: container.cradle.eventBus,
    signalBus: container.cradle.signalBus,
    readinessChecks: container.cradle.readinessChecks,
    logger,
  });
  cluster.setupPrimary({ serialization: 'advanced' });
  const workers = new Set<Worker>();
  let stopping = false;
  const fork = (): void => {
    const startedAt = Date.now();
    const worker = cluster.fork();
    workers.add(worker);
    const detach = server.attach(childChannel(worker));
    worker.on('error', (error) => logger.warn({ err: error, pid: worker.process.pid }, 'socket process channel error'));
    worker.once('exit', (code, signal) => {
      detach();
      workers.delete(worker);
      if (stopping) return;
      logger.error({ pid: worker.process.pid, code, signal }, 'socket process exited: starting another');
      const delay = Date.now() - startedAt < RESTART_DELAY_MS ? RESTART_DELAY_MS : 0;
      setTimeout(() => {
        if (!stopping) fork();
      }, delay).unref();
    });
  };
  for (let index = 0; index < config.socketProcesses; index += 1) fork();
  const metrics = await startMetricsServer(config.metrics.host, config.metrics.port, logger, new ClusterMetrics(() => workers, logger));
  logger.info({ socketProcesses: config.socketProcesses }, 'socket processes started');
  const drainDelayMs = config.edge.drainDelayMs;
  return {
    shutdownGraceMs: drainDelayMs + SOCKET_PROCESS_GRACE_MS + 5_000,
    close: closeOnce(async () => {
      stopping = true;
      const exited = [...workers].map((worker) => new Promise<void>((resolve) => worker.once('exit', () => resolve())));
      for (const worker of workers) {
        try {
          worker.send({ t: 'shutdown' });
        } catch {
          worker.kill();
        }
      }
      const all = Promise.all(exited);
      await Promise.race([all, sleep(drainDelayMs + SOCKET_PROCESS_GRACE_MS)]);
      for (const worker of workers) worker.kill('SIGKILL');
      await metrics.close();
      await disposeContainer(container);
    }),
  };
};
