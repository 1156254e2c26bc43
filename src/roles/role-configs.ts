import {
  readAmqpConfig,
  readAuthConfig,
  readGrpcAddress,
  readGrpcClientConfig,
  readGrpcDeadlineMs,
  readGrpcServerPort,
  readGraphqlConfig,
  readHttpConfig,
  readLogLevel,
  readMongoUrl,
  readOptionalMongoUrl,
  readRedisConfig,
  type AmqpConfig,
  type AuthConfig,
  type GraphqlConfig,
  type GrpcClientConfig,
  type HttpConfig,
  type LogLevel,
  type RedisConfig,
} from '../platform/config/app-config';

type Env = Readonly<Record<string, string | undefined>>;

/** The process roles one image can run; `npm start` is the monolith. */
export const ROLES = ['monolith', 'gateway', 'user-service', 'chat-service'] as const;
export type Role = (typeof ROLES)[number];

export const USER_SERVICE_DEFAULT_GRPC_PORT = 50051;
export const CHAT_SERVICE_DEFAULT_GRPC_PORT = 50052;

export interface MonolithConfig {
  readonly logLevel: LogLevel;
  readonly http: HttpConfig;
  readonly auth: AuthConfig;
  /** Both modules in this one database when set; in-memory storage otherwise. */
  readonly mongoUrl?: string;
  readonly graphql: GraphqlConfig;
}

export interface GatewayConfig {
  readonly logLevel: LogLevel;
  readonly http: HttpConfig;
  readonly auth: AuthConfig;
  readonly grpc: GrpcClientConfig;
  readonly amqp: AmqpConfig;
  readonly graphql: GraphqlConfig;
}

export interface UserServiceConfig {
  readonly logLevel: LogLevel;
  readonly grpcServer: HttpConfig;
  readonly auth: AuthConfig;
  readonly mongoUrl: string;
  readonly amqp: AmqpConfig;
}

export interface ChatServiceConfig {
  readonly logLevel: LogLevel;
  readonly auth: AuthConfig;
  readonly grpcServer: HttpConfig;
  readonly mongoUrl: string;
  readonly redis: RedisConfig;
  readonly amqp: AmqpConfig;
  readonly usersAddress: string;
  readonly deadlineMs: number;
}

export const readMonolithConfig = (env: Env): MonolithConfig => ({
  logLevel: readLogLevel(env),
  http: readHttpConfig(env),
  auth: readAuthConfig(env),
  mongoUrl: readOptionalMongoUrl(env, 'MONGO_URL'),
  graphql: readGraphqlConfig(env),
});

export const readGatewayConfig = (env: Env): GatewayConfig => ({
  logLevel: readLogLevel(env),
  http: readHttpConfig(env),
  auth: readAuthConfig(env),
  grpc: readGrpcClientConfig(env),
  amqp: readAmqpConfig(env),
  graphql: readGraphqlConfig(env),
});

export const readUserServiceConfig = (env: Env): UserServiceConfig => ({
  logLevel: readLogLevel(env),
  grpcServer: readGrpcServerPort(env, USER_SERVICE_DEFAULT_GRPC_PORT),
  auth: readAuthConfig(env),
  mongoUrl: readMongoUrl(env, 'USERS_MONGO_URL'),
  amqp: readAmqpConfig(env),
});

export const readChatServiceConfig = (env: Env): ChatServiceConfig => ({
  logLevel: readLogLevel(env),
  grpcServer: readGrpcServerPort(env, CHAT_SERVICE_DEFAULT_GRPC_PORT),
  auth: readAuthConfig(env),
  mongoUrl: readMongoUrl(env, 'CHAT_MONGO_URL'),
  redis: readRedisConfig(env),
  amqp: readAmqpConfig(env),
  usersAddress: readGrpcAddress(env, 'USERS_GRPC_ADDRESS'),
  deadlineMs: readGrpcDeadlineMs(env),
});

/** Each role's config reader: the compose test runs them over the compose files' environments. */
export const roleConfigReaders: Record<Role, (env: Env) => unknown> = {
  monolith: readMonolithConfig,
  gateway: readGatewayConfig,
  'user-service': readUserServiceConfig,
  'chat-service': readChatServiceConfig,
};
