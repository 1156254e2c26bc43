import type { AwilixContainer } from 'awilix';
import { presenceBeatMsFor } from '../../modules/kernel';
import { buildGatewayApp } from '../gateway/gateway-app';
import type { GatewayCradle } from '../composition/gateway-cradle';
import type { GraphqlConfig, HttpConfig } from '../platform/config/app-config';
import type { EdgeConfig } from './role-configs';
import type { AppLogger } from '../platform/logging/create-logger';
import type { RunningRole } from './running-role';
import { closeOnce } from './close-once';
import { enableProcessMetrics } from '../platform/metrics/metrics-endpoint';

export interface ServeGatewayOptions {
  /** GraphQL settings; the gateway's defaults when left out. */
  readonly graphql?: GraphqlConfig;
  /** Browser origins besides the gateway's own (CORS_ORIGINS). */
  readonly corsOrigins?: readonly string[];
  /** Abuse limits, HTTP timeouts and trusted proxies; the gateway's defaults when left out. */
  readonly edge?: EdgeConfig;
  /** PRESENCE_TTL_SECONDS: presence marks are renewed three times per lifetime; the gateway's default when left out. */
  readonly presenceTtlSeconds?: number;
}

/** Serves the gateway app over whichever ports the container resolved; stops it, then the container. */
export const serveGateway = async (
  container: AwilixContainer<GatewayCradle>,
  http: HttpConfig,
  logger: AppLogger,
  options: ServeGatewayOptions = {},
): Promise<RunningRole> => {
  enableProcessMetrics();
  const app = await buildGatewayApp(container.cradle, {
    loggerInstance: logger,
    graphql: options.graphql,
    corsOrigins: options.corsOrigins,
    limits: options.edge?.limits,
    httpTimeouts: options.edge?.httpTimeouts,
    trustProxy: options.edge?.trustProxy,
    ...(options.presenceTtlSeconds === undefined ? {} : { presenceBeatMs: presenceBeatMsFor(options.presenceTtlSeconds * 1000) }),
  });
  await app.listen({ host: http.host, port: http.port });
  return {
    close: closeOnce(async () => {
      await app.close();
      await container.dispose();
    }),
  };
};
