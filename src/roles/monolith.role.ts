import { buildGatewayApp } from '../gateway/gateway-app';
import { createMonolithContainer } from '../composition/monolith.container';
import type { AppLogger } from '../platform/logging/create-logger';
import type { MonolithConfig } from './role-configs';
import type { RunningRole } from './running-role';
import { closeOnce } from './close-once';

/** Everything in one process: the gateway over the in-process modules. */
export const startMonolith = async (config: MonolithConfig, logger: AppLogger): Promise<RunningRole> => {
  if (config.auth.jwtSecretGenerated) {
    logger.warn({}, 'JWT_SECRET is not set: using a random secret, so tokens stop working when this process restarts');
  }
  if (config.mongoUrl === undefined) {
    logger.warn({}, 'MONGO_URL is not set: data is kept in memory and lost when this process stops');
  }
  const container = await createMonolithContainer(config, logger);
  const app = await buildGatewayApp(container.cradle, { loggerInstance: logger });
  await app.listen({ host: config.http.host, port: config.http.port });
  return {
    close: closeOnce(async () => {
      await app.close();
      await container.dispose();
    }),
  };
};
