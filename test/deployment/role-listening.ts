import {
  readChatServiceConfig,
  readGatewayConfig,
  readMonolithConfig,
  readUserServiceConfig,
  type Role,
} from '../../src/roles/role-configs';

type Env = Readonly<Record<string, string | undefined>>;

/** How a role is reached: HTTP/WebSocket or gRPC, on the port its configuration says. */
export interface RoleListener {
  readonly protocol: 'http' | 'grpc';
  readonly port: number;
}

export const roleListener = (role: Role, env: Env): RoleListener => {
  switch (role) {
    case 'monolith':
      return { protocol: 'http', port: readMonolithConfig(env).http.port };
    case 'gateway':
      return { protocol: 'http', port: readGatewayConfig(env).http.port };
    case 'user-service':
      return { protocol: 'grpc', port: readUserServiceConfig(env).grpcServer.port };
    case 'chat-service':
      return { protocol: 'grpc', port: readChatServiceConfig(env).grpcServer.port };
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

/** Compose variables the tests supply, as a user's .env would. */
export const TEST_COMPOSE_VARS: Readonly<Record<string, string>> = {
  RABBITMQ_PASSWORD: 'compose-test-password',
};
