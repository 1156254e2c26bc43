import type { AwilixContainer } from 'awilix';
import { startGrpcServer, type GrpcServiceBinding } from '../platform/grpc';
import type { HttpConfig } from '../platform/config/app-config';
import type { AppLogger } from '../platform/logging/create-logger';
import type { RunningRole } from './running-role';
import { closeOnce } from './close-once';

/** Serves one module's gRPC service (with health and reflection); stops it, then the container. */
export const serveGrpc = async <T extends object>(
  container: AwilixContainer<T>,
  bind: (cradle: T) => GrpcServiceBinding,
  listen: HttpConfig,
  logger: AppLogger,
): Promise<RunningRole> => {
  const server = await startGrpcServer({ host: listen.host, port: listen.port, services: [bind(container.cradle)], logger });
  logger.info({ port: server.port }, 'gRPC server listening');
  return {
    close: closeOnce(async () => {
      await server.close();
      await container.dispose();
    }),
  };
};
