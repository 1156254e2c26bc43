import { disposeContainer } from './dispose-container';
import type { AwilixContainer } from 'awilix';
import type { TokenVerifier } from '@chatterroom/users/contracts';
import { startGrpcServer, type GrpcServiceBinding } from '@chatterroom/platform/grpc';
import type { AppLogger } from '@chatterroom/platform/logging/create-logger';
import type { ReadinessCheck } from '@chatterroom/kernel';
import { ReadinessMonitor } from '@chatterroom/platform/health/readiness-monitor';
import { startMetricsServer } from '@chatterroom/platform/metrics/metrics-endpoint';
import type { GrpcServerConfig, GrpcServerSecurity, ServiceHealthConfig } from './role-configs';
import type { RunningRole } from './running-role';
import { closeOnce } from './close-once';

/**
 * Serves one module's gRPC service (with health and reflection); stops it, then the container.
 * Calls are checked with the container's `tokenVerifier` (end users' tokens) and the shared
 * service token; the listener uses TLS when `security` has it. Its gRPC health turns
 * NOT_SERVING while one of the container's `readinessChecks` (database, broker) fails, checked
 * every `health.healthCheckIntervalMs`, and SERVING again once they answer. At most
 * `listen.maxConcurrentCalls` calls run at once (see CallAdmission). Its metrics are
 * served on `health.metrics` (GET /metrics).
 */
export const serveGrpc = async <T extends { tokenVerifier: TokenVerifier; readinessChecks: readonly ReadinessCheck[] }>(
  container: AwilixContainer<T>,
  bind: (cradle: T) => GrpcServiceBinding,
  listen: GrpcServerConfig,
  security: GrpcServerSecurity,
  logger: AppLogger,
  health: ServiceHealthConfig,
): Promise<RunningRole> => {
  const server = await startGrpcServer({
    host: listen.host,
    port: listen.port,
    services: [bind(container.cradle)],
    auth: { tokenVerifier: container.cradle.tokenVerifier, serviceToken: security.serviceToken },
    tls: security.tls,
    logger,
    maxConcurrentCalls: listen.maxConcurrentCalls,
  });
  logger.info({ port: server.port }, 'gRPC server listening');
  const monitor = new ReadinessMonitor({
    checks: container.cradle.readinessChecks,
    intervalMs: health.healthCheckIntervalMs,
    onChange: (report) => server.setServing(report.ready),
    logger,
  });
  monitor.start();
  const metrics = await startMetricsServer(health.metrics.host, health.metrics.port, logger);
  return {
    close: closeOnce(async () => {
      monitor.stop();
      await server.close();
      await metrics.close();
      await disposeContainer(container);
    }),
  };
};
