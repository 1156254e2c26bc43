import { Server, type ServerCredentials } from '@grpc/grpc-js';
import { ReflectionService } from '@grpc/reflection';
import { loadSync } from '@grpc/proto-loader';
import { HealthImplementation, protoPath as healthProtoPath } from 'grpc-health-check';
import type { Logger } from '@chatterroom/kernel';
import { grpcServerCallsShed, grpcServerCallsWaiting } from '../metrics/grpc-metrics';
import { CallAdmission, type AdmissionObserver } from './call-admission';
import type { GrpcCallAuthentication } from './grpc-call-guard';
import { GRPC_SERVER_OPTIONS } from './grpc-channel-options';
import { grpcImplementation, type GrpcServiceBinding } from './grpc-service-binding';
import { serverCredentialsOf, type GrpcServerTls } from './grpc-tls';
import { PROTO_LOADER_OPTIONS } from './proto-files';
import { withProtocMapEntryNames } from './reflection-descriptors';

export const HEALTH_SERVICE_NAME = 'grpc.health.v1.Health';

export interface GrpcServerOptions {
  readonly host: string;
  /** 0 picks a free port; the bound one is in {@link RunningGrpcServer.port}. */
  readonly port: number;
  readonly services: readonly GrpcServiceBinding[];
  readonly logger: Logger;
  /** How each call's credential is checked against its RPC's access rule. */
  readonly auth: GrpcCallAuthentication;
  /** TLS (mTLS with a client CA); plaintext when left out. */
  readonly tls?: GrpcServerTls;
  /** How long close() lets calls in flight finish before cutting them. Default 5000. */
  readonly shutdownTimeoutMs?: number;
  /**
   * Calls of `services` running at once (GRPC_MAX_CONCURRENT_CALLS); the others wait their turn,
   * and one whose deadline passes meanwhile is refused unstarted (see CallAdmission). Left out: no limit.
   */
  readonly maxConcurrentCalls?: number;
}

export interface RunningGrpcServer {
  readonly port: number;
  /** What the health service answers for the server and each service (SERVING from start); ignored once closing. */
  setServing(serving: boolean): void;
  /** Reports NOT_SERVING, drains calls in flight (then forces), and releases the port. Idempotent. */
  close(): Promise<void>;
}

const bindAddress = (host: string, port: number): string => `${host.includes(':') ? `[${host}]` : host}:${port}`;

const bind = (server: Server, address: string, serverCredentials: ServerCredentials): Promise<number> =>
  new Promise((resolve, reject) => {
    server.bindAsync(address, serverCredentials, (error, port) => (error ? reject(error) : resolve(port)));
  });

const shutdown = (server: Server, timeoutMs: number): Promise<void> =>
  new Promise((resolve) => {
    const timer = setTimeout(() => {
      server.forceShutdown();
      resolve();
    }, timeoutMs);
    server.tryShutdown(() => {
      clearTimeout(timer);
      resolve();
    });
  });

/** The admission queue in /metrics: calls waiting, and calls shed by RPC. */
const ADMISSION_METRICS: AdmissionObserver = {
  waiting: (count) => grpcServerCallsWaiting.set(count),
  shed: (method) => grpcServerCallsShed.inc({ method }),
};

/**
 * Starts a gRPC server offering `services`, plus the standard health service
 * (`grpc.health.v1.Health`: '' and each service SERVING until close) and server
 * reflection (v1 and v1alpha) over the services' protos. Health and reflection are open and
 * never wait; each call to `services` waits for its turn (`maxConcurrentCalls`), then passes the
 * credential check of its RPC.
 */
export const startGrpcServer = async (options: GrpcServerOptions): Promise<RunningGrpcServer> => {
  const server = new Server(GRPC_SERVER_OPTIONS);
  const names = options.services.map((binding) => binding.proto.serviceName);
  const context = { auth: options.auth, logger: options.logger, admission: new CallAdmission(options.maxConcurrentCalls ?? null, ADMISSION_METRICS) };
  for (const binding of options.services) server.addService(binding.proto.definition, grpcImplementation(binding, context));
  const health = new HealthImplementation(Object.fromEntries(['', ...names].map((name) => [name, 'SERVING' as const])));
  health.addToServer(server);
  const protos = withProtocMapEntryNames(
    Object.assign({}, loadSync(healthProtoPath, PROTO_LOADER_OPTIONS), ...options.services.map((binding) => binding.proto.packageDefinition)),
  );
  new ReflectionService(protos, { services: [...names, HEALTH_SERVICE_NAME] }).addToServer(server);

  const port = await bind(server, bindAddress(options.host, options.port), serverCredentialsOf(options.tls));
  const transport = options.tls === undefined ? 'plaintext' : options.tls.clientCa === undefined ? 'tls' : 'mtls';
  options.logger.info({ host: options.host, port, services: names, transport }, 'gRPC server listening');
  let closing: Promise<void> | undefined;
  return {
    port,
    setServing: (serving) => {
      if (closing !== undefined) return;
      for (const name of ['', ...names]) health.setStatus(name, serving ? 'SERVING' : 'NOT_SERVING');
    },
    close: () => {
      closing ??= (async () => {
        for (const name of ['', ...names]) health.setStatus(name, 'NOT_SERVING');
        await shutdown(server, options.shutdownTimeoutMs ?? 5_000);
        options.logger.info({ port, services: names }, 'gRPC server stopped');
      })();
      return closing;
    },
  };
};
