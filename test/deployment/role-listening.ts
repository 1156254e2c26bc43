import { readGrpcServerPort, readHttpConfig, readMetricsListener } from '@chatterroom/platform/config/app-config';
import {
  CHAT_SERVICE_DEFAULT_GRPC_PORT,
  CHAT_SERVICE_DEFAULT_METRICS_PORT,
  GATEWAY_DEFAULT_METRICS_PORT,
  USER_SERVICE_DEFAULT_GRPC_PORT,
  USER_SERVICE_DEFAULT_METRICS_PORT,
  type Role,
} from '@chatterroom/roles/role-configs';
import { makeDevCerts } from '@chatterroom/test/harness/dev-certs';

type Env = Readonly<Record<string, string | undefined>>;

/** How a role is reached: HTTP/WebSocket or gRPC, on the port its configuration says; and where it serves /metrics. */
export interface RoleListener {
  readonly protocol: 'http' | 'grpc';
  readonly port: number;
  readonly metricsPort: number;
}

/** Reads only the listening address (as the role's config reader does), so it needs none of the role's secrets. */
export const roleListener = (role: Role, env: Env): RoleListener => {
  switch (role) {
    case 'monolith':
    case 'gateway':
      return { protocol: 'http', port: readHttpConfig(env).port, metricsPort: readMetricsListener(env, GATEWAY_DEFAULT_METRICS_PORT).port };
    case 'user-service':
      return { protocol: 'grpc', port: readGrpcServerPort(env, USER_SERVICE_DEFAULT_GRPC_PORT).port, metricsPort: readMetricsListener(env, USER_SERVICE_DEFAULT_METRICS_PORT).port };
    case 'chat-service':
      return { protocol: 'grpc', port: readGrpcServerPort(env, CHAT_SERVICE_DEFAULT_GRPC_PORT).port, metricsPort: readMetricsListener(env, CHAT_SERVICE_DEFAULT_METRICS_PORT).port };
  }
};

/** The variables holding the address of a gRPC server, and the role that must serve there. */
export const GRPC_ADDRESS_VARIABLES: Readonly<Record<string, Role>> = {
  USERS_GRPC_ADDRESS: 'user-service',
  CHAT_GRPC_ADDRESS: 'chat-service',
};

/** The variables holding a backing service's URL, and the image family that must serve there. */
export const BACKING_URL_VARIABLES: Readonly<Record<string, string>> = {
  MONGO_URL: 'mongo',
  USERS_MONGO_URL: 'mongo',
  CHAT_MONGO_URL: 'mongo',
  REDIS_URL: 'redis',
  AMQP_URL: 'rabbitmq',
};

/** Certificates and a service token from scripts/dev-certs.sh, for the secrets the split compose file mounts. */
const testCerts = makeDevCerts();
process.once('exit', () => testCerts.remove());

/** Compose variables the tests supply, as a user's .env would: where the dev certificates are (other secrets come as files). */
export const TEST_COMPOSE_VARS: Readonly<Record<string, string>> = {
  CHATTERROOM_CERTS_DIR: testCerts.dir,
};
