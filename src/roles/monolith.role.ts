import { createMonolithContainer } from '../composition/monolith.container';
import type { AppLogger } from '../platform/logging/create-logger';
import type { MonolithConfig } from './role-configs';
import type { RunningRole } from './running-role';
import { serveGateway } from './serve-gateway';

/** Everything in one process: the gateway over the in-process modules. */
export const startMonolith = async (config: MonolithConfig, logger: AppLogger): Promise<RunningRole> => {
  if (config.storage.kind === 'memory') {
    logger.warn({}, 'STORAGE=memory: data is kept in memory and lost when this process stops');
  }
  return serveGateway(await createMonolithContainer(config, logger), config.http, logger, { graphql: config.graphql, corsOrigins: config.corsOrigins, edge: config.edge, presenceTtlSeconds: config.presenceTtlSeconds, metrics: config.metrics });
};
