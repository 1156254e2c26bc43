import { disposeContainer } from './dispose-container';
import type { AwilixContainer } from 'awilix';
import { presenceBeatMsFor } from '@chatterroom/kernel';
import { buildGatewayApp } from '@chatterroom/gateway/gateway-app';
import { GatewayDrain } from '@chatterroom/gateway/gateway-drain';
import type { GatewayCradle } from '@chatterroom/composition/gateway-cradle';
import type { GraphqlConfig, HttpConfig } from '@chatterroom/platform/config/app-config';
import type { EdgeConfig } from './role-configs';
import type { AppLogger } from '@chatterroom/platform/logging/create-logger';
import type { RunningRole } from './running-role';
import { closeOnce } from './close-once';
import { startMetricsServer } from '@chatterroom/platform/metrics/metrics-endpoint';

export interface ServeGatewayOptions {
  /** GraphQL settings; the gateway's defaults when left out. */
  readonly graphql?: GraphqlConfig;
  /** Browser origins besides the gateway's own (CORS_ORIGINS). */
  readonly corsOrigins?: readonly string[];
  /** Abuse limits, HTTP timeouts, trusted proxies and the drain delay; the gateway's defaults when left out. */
  readonly edge?: EdgeConfig;
  /** PRESENCE_TTL_SECONDS: presence marks are renewed three times per lifetime; the gateway's default when left out. */
  readonly presenceTtlSeconds?: number;
  /**
   * Where GET /metrics is served (METRICS_HOST, METRICS_PORT), never on the public port; null in a
   * socket process, whose modules' process serves the metrics of all its processes.
   */
  readonly metrics: HttpConfig | null;
}

/** How long requests in flight get to finish once the listener closed; the process exits at the latest then. */
const IN_FLIGHT_GRACE_MS = 10_000;

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Serves the gateway app over whichever ports the container resolved, and its metrics on a
 * listener of their own. Closing drains it: unready at once, sockets closed with 1001, then
 * after `edge.drainDelayMs` the listener closes and requests in flight finish; then the
 * container is disposed.
 */
export const serveGateway = async (
  container: AwilixContainer<GatewayCradle>,
  http: HttpConfig,
  logger: AppLogger,
  options: ServeGatewayOptions,
): Promise<RunningRole> => {
  const drain = new GatewayDrain();
  const app = await buildGatewayApp(container.cradle, {
    loggerInstance: logger,
    graphql: options.graphql,
    corsOrigins: options.corsOrigins,
    limits: options.edge?.limits,
    httpTimeouts: options.edge?.httpTimeouts,
    trustProxy: options.edge?.trustProxy,
    ...(options.presenceTtlSeconds === undefined ? {} : { presenceBeatMs: presenceBeatMsFor(options.presenceTtlSeconds * 1000) }),
    drain,
  });
  const metrics = options.metrics === null ? undefined : await startMetricsServer(options.metrics.host, options.metrics.port, logger);
  await app.listen({ host: http.host, port: http.port });
  const drainDelayMs = options.edge?.drainDelayMs ?? 0;
  return {
    shutdownGraceMs: drainDelayMs + IN_FLIGHT_GRACE_MS,
    close: closeOnce(async () => {
      drain.start();
      logger.info({ drainDelayMs }, 'draining: not ready, sockets closed with 1001');
      if (drainDelayMs > 0) await sleep(drainDelayMs);
      await app.close();
      await metrics?.close();
      await disposeContainer(container);
    }),
  };
};
