import { createGatewayContainer } from '@chatterroom/composition/gateway.container';
import type { AppLogger } from '@chatterroom/platform/logging/create-logger';
import type { GatewayConfig } from './role-configs';
import type { RunningRole } from './running-role';
import { serveGateway } from './serve-gateway';

/** A gateway of the split deployment: the same app as the monolith's, over remote ports. */
export const startGateway = async (config: GatewayConfig, logger: AppLogger): Promise<RunningRole> =>
  serveGateway(await createGatewayContainer(config, logger), config.http, logger, { graphql: config.graphql, corsOrigins: config.corsOrigins, edge: config.edge, presenceTtlSeconds: config.presenceTtlSeconds, metrics: config.metrics });
