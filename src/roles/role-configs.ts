import {
  readAmqpConfig,
  readChatEventRetentionSeconds,
  readPresenceTtlSeconds,
  readSocketProcesses,
  readAuthConfig,
  readCorsOrigins,
  readGrpcAddress,
  readGrpcClientConfig,
  readGrpcDeadlineMs,
  readGrpcMaxConcurrentCalls,
  readGrpcServerPort,
  readHealthCheckIntervalMs,
  readDrainDelayMs,
  readMetricsListener,
  readGraphqlConfig,
  readHttpConfig,
  readLogLevel,
  readMongoUrl,
  readRedisConfig,
  type AmqpConfig,
  type AuthConfig,
  type GraphqlConfig,
  type GrpcClientConfig,
  type HttpConfig,
  type LogLevel,
  type RedisConfig,
} from '@chatterroom/platform/config/app-config';
import { readStorageConfig, type StorageConfig } from '@chatterroom/platform/config/storage-config';
import { readGrpcClientTls, readGrpcServerTls, readServiceToken } from '@chatterroom/platform/config/grpc-security-config';
import type { GrpcClientTls, GrpcServerTls } from '@chatterroom/platform/grpc/grpc-tls';
import { readHttpTimeouts, readLimitsConfig, readTrustProxy, type HttpTimeoutsConfig, type LimitsConfig } from '@chatterroom/platform/config/limits-config';

type Env = Readonly<Record<string, string | undefined>>;

/** The process roles one image can run; `npm start` is the monolith. */
export const ROLES = ['monolith', 'gateway', 'user-service', 'chat-service'] as const;
export type Role = (typeof ROLES)[number];

export const USER_SERVICE_DEFAULT_GRPC_PORT = 50051;
export const CHAT_SERVICE_DEFAULT_GRPC_PORT = 50052;
export const USER_SERVICE_DEFAULT_METRICS_PORT = 9451;
export const CHAT_SERVICE_DEFAULT_METRICS_PORT = 9452;
/** The monolith's and each gateway's metrics listener: never the public HTTP port. */
export const GATEWAY_DEFAULT_METRICS_PORT = 9450;

export interface MonolithConfig {
  readonly logLevel: LogLevel;
  readonly http: HttpConfig;
  readonly auth: AuthConfig;
  /** SQLite under DATA_DIR by default; memory or MongoDB on request (see readStorageConfig). */
  readonly storage: StorageConfig;
  readonly graphql: GraphqlConfig;
  readonly corsOrigins: readonly string[];
  readonly edge: EdgeConfig;
  /** CHAT_EVENT_RETENTION_SECONDS: how long chat events are kept for resume and /sync. */
  readonly chatEventRetentionSeconds: number;
  /** PRESENCE_TTL_SECONDS: how long a presence mark lasts without a heartbeat. */
  readonly presenceTtlSeconds: number;
  /** Where GET /metrics is served (METRICS_HOST, METRICS_PORT): a listener of its own, off the public port. */
  readonly metrics: HttpConfig;
  /** SOCKET_PROCESSES: processes holding the sockets and HTTP beside the modules' process; 0 = one process for all. */
  readonly socketProcesses: number;
}

/** What the HTTP edge of the monolith and of each gateway enforces: abuse limits and timeouts. */
export interface EdgeConfig {
  readonly limits: LimitsConfig;
  readonly httpTimeouts: HttpTimeoutsConfig;
  readonly trustProxy?: string;
  /**
   * SHUTDOWN_DRAIN_DELAY_MS: how long a stopping process stays up unready (sockets closed with
   * 1001, new ones refused) before it stops listening, so load balancers see it go.
   */
  readonly drainDelayMs: number;
}

export interface GatewayConfig {
  readonly logLevel: LogLevel;
  readonly http: HttpConfig;
  readonly auth: AuthConfig;
  readonly grpc: GrpcClientConfig;
  /** TLS of the channels to the services; undefined = plaintext. */
  readonly grpcClientTls?: GrpcClientTls;
  readonly amqp: AmqpConfig;
  readonly graphql: GraphqlConfig;
  readonly corsOrigins: readonly string[];
  readonly edge: EdgeConfig;
  /** The limits' counters, shared by every gateway. */
  readonly redis: RedisConfig;
  /** PRESENCE_TTL_SECONDS: how long this gateway's presence marks last without its heartbeat. */
  readonly presenceTtlSeconds: number;
  /** Where GET /metrics is served (METRICS_HOST, METRICS_PORT): a listener of its own, off the public port. */
  readonly metrics: HttpConfig;
}

/** How a gRPC service role reports on itself: its gRPC health (dependency checks) and its metrics listener. */
export interface ServiceHealthConfig {
  readonly healthCheckIntervalMs: number;
  /** Where GET /metrics is served (METRICS_HOST, METRICS_PORT). */
  readonly metrics: HttpConfig;
}

/** Where a gRPC service listens, and how many of its calls run at once (GRPC_MAX_CONCURRENT_CALLS). */
export interface GrpcServerConfig extends HttpConfig {
  readonly maxConcurrentCalls: number;
}

const readGrpcServer = (env: Env, fallbackPort: number): GrpcServerConfig => ({
  ...readGrpcServerPort(env, fallbackPort),
  maxConcurrentCalls: readGrpcMaxConcurrentCalls(env),
});

/** What a gRPC service role needs to secure its listener. */
export interface GrpcServerSecurity {
  /** undefined = plaintext. */
  readonly tls?: GrpcServerTls;
  /** The secret services show each other (SERVICE_TOKEN). */
  readonly serviceToken: string;
}

export interface UserServiceConfig extends ServiceHealthConfig {
  readonly logLevel: LogLevel;
  readonly grpcServer: GrpcServerConfig;
  readonly grpcSecurity: GrpcServerSecurity;
  readonly auth: AuthConfig;
  readonly mongoUrl: string;
  readonly amqp: AmqpConfig;
}

export interface ChatServiceConfig extends ServiceHealthConfig {
  readonly logLevel: LogLevel;
  readonly grpcServer: GrpcServerConfig;
  readonly grpcSecurity: GrpcServerSecurity;
  /** The token settings: the chat service verifies the end users' tokens the gateway forwards. */
  readonly auth: AuthConfig;
  /** TLS of the channel to the user service; undefined = plaintext. */
  readonly grpcClientTls?: GrpcClientTls;
  readonly mongoUrl: string;
  readonly redis: RedisConfig;
  readonly amqp: AmqpConfig;
  readonly usersAddress: string;
  readonly deadlineMs: number;
  /** CHAT_EVENT_RETENTION_SECONDS: how long chat events are kept for resume and /sync. */
  readonly chatEventRetentionSeconds: number;
}

const readGrpcServerSecurity = (env: Env): GrpcServerSecurity => ({ tls: readGrpcServerTls(env), serviceToken: readServiceToken(env) });

const readEdgeConfig = (env: Env): EdgeConfig => {
  const trustProxy = readTrustProxy(env);
  return {
    limits: readLimitsConfig(env),
    httpTimeouts: readHttpTimeouts(env),
    drainDelayMs: readDrainDelayMs(env),
    ...(trustProxy === undefined ? {} : { trustProxy }),
  };
};

export const readMonolithConfig = (env: Env): MonolithConfig => {
  return {
    logLevel: readLogLevel(env),
    http: readHttpConfig(env),
    auth: readAuthConfig(env),
    storage: readStorageConfig(env),
    graphql: readGraphqlConfig(env, true),
    corsOrigins: readCorsOrigins(env),
    edge: readEdgeConfig(env),
    chatEventRetentionSeconds: readChatEventRetentionSeconds(env),
    presenceTtlSeconds: readPresenceTtlSeconds(env),
    metrics: readMetricsListener(env, GATEWAY_DEFAULT_METRICS_PORT),
    socketProcesses: readSocketProcesses(env),
  };
};

export const readGatewayConfig = (env: Env): GatewayConfig => ({
  logLevel: readLogLevel(env),
  http: readHttpConfig(env),
  auth: readAuthConfig(env),
  grpc: readGrpcClientConfig(env),
  grpcClientTls: readGrpcClientTls(env),
  amqp: readAmqpConfig(env),
  graphql: readGraphqlConfig(env),
  corsOrigins: readCorsOrigins(env),
  edge: readEdgeConfig(env),
  redis: readRedisConfig(env),
  presenceTtlSeconds: readPresenceTtlSeconds(env),
  metrics: readMetricsListener(env, GATEWAY_DEFAULT_METRICS_PORT),
});

export const readUserServiceConfig = (env: Env): UserServiceConfig => ({
  logLevel: readLogLevel(env),
  grpcServer: readGrpcServer(env, USER_SERVICE_DEFAULT_GRPC_PORT),
  grpcSecurity: readGrpcServerSecurity(env),
  auth: readAuthConfig(env),
  mongoUrl: readMongoUrl(env, 'USERS_MONGO_URL'),
  amqp: readAmqpConfig(env),
  healthCheckIntervalMs: readHealthCheckIntervalMs(env),
  metrics: readMetricsListener(env, USER_SERVICE_DEFAULT_METRICS_PORT),
});

export const readChatServiceConfig = (env: Env): ChatServiceConfig => ({
  logLevel: readLogLevel(env),
  grpcServer: readGrpcServer(env, CHAT_SERVICE_DEFAULT_GRPC_PORT),
  grpcSecurity: readGrpcServerSecurity(env),
  auth: readAuthConfig(env),
  grpcClientTls: readGrpcClientTls(env),
  mongoUrl: readMongoUrl(env, 'CHAT_MONGO_URL'),
  redis: readRedisConfig(env),
  amqp: readAmqpConfig(env),
  usersAddress: readGrpcAddress(env, 'USERS_GRPC_ADDRESS'),
  deadlineMs: readGrpcDeadlineMs(env),
  chatEventRetentionSeconds: readChatEventRetentionSeconds(env),
  healthCheckIntervalMs: readHealthCheckIntervalMs(env),
  metrics: readMetricsListener(env, CHAT_SERVICE_DEFAULT_METRICS_PORT),
});

/** Each role's config reader: the compose test runs them over the compose files' environments. */
export const roleConfigReaders: Record<Role, (env: Env) => unknown> = {
  monolith: readMonolithConfig,
  gateway: readGatewayConfig,
  'user-service': readUserServiceConfig,
  'chat-service': readChatServiceConfig,
};
