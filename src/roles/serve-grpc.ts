import type { AwilixContainer } from 'awilix';
import type { TokenVerifier } from '../../modules/users/contracts';
import { startGrpcServer, type GrpcServiceBinding } from '../platform/grpc';
import type { HttpConfig } from '../platform/config/app-config';
import type { AppLogger } from '../platform/logging/create-logger';
import type { GrpcServerSecurity } from './role-configs';
import type { RunningRole } from './running-role';
import { closeOnce } from './close-once';

/**
 * Serves one module's gRPC service (with health and reflection); stops it, then the container.
 * Calls are checked with the container's `tokenVerifier` (end users' tokens) and the shared
 * service token; the listener uses TLS when `security` has it.
 */
export const serveGrpc = async <T extends { tokenVerifier: TokenVerifier }>(
  container: AwilixContainer<T>,
  bind: (cradle: T) => GrpcServiceBinding,
  listen: HttpConfig,
  security: GrpcServerSecurity,
  logger: AppLogger,
): Promise<RunningRole> => {
  const server = await startGrpcServer({
    host: listen.host,
    port: listen.port,
    services: [bind(container.cradle)],
    auth: { tokenVerifier: container.cradle.tokenVerifier, serviceToken: security.serviceToken },
    tls: security.tls,
    logger,
  });
  logger.info({ port: server.port }, 'gRPC server listening');
  return {
    close: closeOnce(async () => {
      await server.close();
      await container.dispose();
    }),
  };
};
