import cluster from 'node:cluster';
import { createMonolithContainer } from '@chatterroom/composition/monolith.container';
import type { AppLogger } from '@chatterroom/platform/logging/create-logger';
import type { MonolithConfig } from './role-configs';
import type { RunningRole } from './running-role';
import { serveGateway } from './serve-gateway';
import { startSocketProcess } from './socket-process.role';
import { startSocketProcessesPrimary } from './socket-processes.role';

/**
 * Everything in one process: the gateway over the in-process modules; or, with
 * SOCKET_PROCESSES > 0, the modules in this process and the gateway in that many socket
 * processes forked from it.
 */
export const startMonolith = async (config: MonolithConfig, logger: AppLogger): Promise<RunningRole> => {
  if (config.socketProcesses > 0 && cluster.isWorker) return startSocketProcess(config, logger);
  if (config.storage.kind === 'memory') {
    logger.warn({}, 'STORAGE=memory: data is kept in memory and lost when this process stops');
  }
  if (config.socketProcesses > 0) return startSocketProcessesPrimary(config, logger);
  return serveGateway(await createMonolithContainer(config, logger), config.http, logger, { graphql: config.graphql, corsOrigins: config.corsOrigins, edge: config.edge, presenceTtlSeconds: config.presenceTtlSeconds, metrics: config.metrics });
};
