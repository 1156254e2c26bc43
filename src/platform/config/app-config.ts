import { GRPC_ADDRESS_FORMS, grpcTargetsOf } from '../grpc/grpc-targets';
import { ConfigError, EnvReader } from './env-reader';

type Env = Readonly<Record<string, string | undefined>>;

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export interface HttpConfig {
  readonly host: string;
  readonly port: number;
}

export interface AuthConfig {
  /** Lifetime of access tokens (ACCESS_TOKEN_TTL_SECONDS, default 15 minutes). */
  readonly accessTokenTtlSeconds: number;
  /** A session ends this long after sign-in (REFRESH_TOKEN_TTL_SECONDS, default 30 days). */
  readonly refreshTokenTtlSeconds: number;
  /** A new signing key takes over once the current one is this old (SIGNING_KEY_ROTATION_SECONDS, default 7 days). */
  readonly signingKeyRotationSeconds: number;
  /** Clock difference forgiven on exp, nbf and iat (TOKEN_CLOCK_TOLERANCE_SECONDS, default 5). */
  readonly tokenClockToleranceSeconds: number;
  /** How long a verifier outside the users module trusts a live answer about a session (SESSION_CHECK_CACHE_SECONDS, default 30). */
  readonly sessionCheckCacheSeconds: number;
  readonly bcryptCost: number;
  /** True when JWT_SECRET (or JWT_TTL_SECONDS) was set: no longer used, the role warns. */
  readonly legacyJwtSettings: boolean;
}

export interface GrpcClientConfig {
  readonly usersAddress: string;
  readonly chatAddress: string;
  readonly deadlineMs: number;
}

export const readLogLevel = (env: Env): LogLevel => new EnvReader(env).oneOf('LOG_LEVEL', LOG_LEVELS, 'info');

export const readHttpConfig = (env: Env): HttpConfig => {
  const reader = new EnvReader(env);
  return { host: reader.string('HOST', '0.0.0.0'), port: reader.integer('PORT', 3000, { min: 0, max: 65535 }) };
};

/**
 * Token and session settings. Tokens are EdDSA-signed by the users module with keys it
 * makes itself, so no shared secret exists any more: JWT_SECRET and JWT_TTL_SECONDS are
 * ignored (the role logs a warning when they are set).
 */
export const readAuthConfig = (env: Env): AuthConfig => {
  const reader = new EnvReader(env);
  return {
    accessTokenTtlSeconds: reader.integer('ACCESS_TOKEN_TTL_SECONDS', 900, { min: 5, max: 86_400 }),
    refreshTokenTtlSeconds: reader.integer('REFRESH_TOKEN_TTL_SECONDS', 2_592_000, { min: 60, max: 31_536_000 }),
    signingKeyRotationSeconds: reader.integer('SIGNING_KEY_ROTATION_SECONDS', 604_800, { min: 5, max: 31_536_000 }),
    tokenClockToleranceSeconds: reader.integer('TOKEN_CLOCK_TOLERANCE_SECONDS', 5, { min: 0, max: 300 }),
    sessionCheckCacheSeconds: reader.integer('SESSION_CHECK_CACHE_SECONDS', 30, { min: 1, max: 3_600 }),
    bcryptCost: reader.integer('BCRYPT_COST', 10, { min: 4, max: 15 }),
    legacyJwtSettings: [reader.optional('JWT_SECRET'), reader.optional('JWT_TTL_SECONDS')].some((value) => value !== undefined),
  };
};

/**
 * CORS_ORIGINS: comma-separated browser origins (`scheme://host[:port]`, no path) that may
 * call the gateway besides its own; empty or unset = same origin only.
 */
export const readCorsOrigins = (env: Env): readonly string[] => {
  const raw = new EnvReader(env).optional('CORS_ORIGINS');
  if (raw === undefined) return [];
  return raw.split(',').map((entry) => entry.trim()).filter((entry) => entry !== '').map((origin) => {
    let parsed: URL | undefined;
    try {
      parsed = new URL(origin);
    } catch {
      parsed = undefined;
    }
    if (parsed === undefined || !['http:', 'https:'].includes(parsed.protocol) || parsed.origin !== origin) {
      throw new ConfigError(`CORS_ORIGINS must list origins such as https://chat.example.com (scheme://host[:port], no path), got "${origin}"`);
    }
    return origin;
  });
};

/**
 * What a gRPC client dials, such as USERS_GRPC_ADDRESS: `host:port`, `dns:///host:port` (every
 * address of the name, round-robin) or a comma-separated list of them (see grpc-targets).
 */
export const readGrpcAddress = (env: Env, name: string): string => {
  const value = new EnvReader(env).string(name);
  if (grpcTargetsOf(value) === undefined) throw new ConfigError(`${name} must be ${GRPC_ADDRESS_FORMS}, got "${value}"`);
  return value;
};

export const readGrpcDeadlineMs = (env: Env): number =>
  new EnvReader(env).integer('GRPC_DEADLINE_MS', 5_000, { min: 100, max: 120_000 });

/** How long chat events (and the cursors naming them) are kept: CHAT_EVENT_RETENTION_SECONDS, 7 days by default. */
export const readChatEventRetentionSeconds = (env: Env): number =>
  new EnvReader(env).integer('CHAT_EVENT_RETENTION_SECONDS', 604_800, { min: 60, max: 315_360_000 });

/**
 * PRESENCE_TTL_SECONDS: how long a gateway's presence mark lasts without its heartbeat (1 to 45,
 * default 45). A dead gateway's users turn offline for their watchers within it plus one beat
 * (a third of it): 60 s at most. Shorter costs more Redis writes; tests shorten it to run fast.
 */
export const readPresenceTtlSeconds = (env: Env): number =>
  new EnvReader(env).integer('PRESENCE_TTL_SECONDS', 45, { min: 1, max: 45 });

/** SOCKET_PROCESSES: how many processes hold the monolith's sockets and HTTP; 0 = all in one process. */
export const readSocketProcesses = (env: Env): number => new EnvReader(env).integer('SOCKET_PROCESSES', 0, { min: 0, max: 64 });

export const readGrpcClientConfig = (env: Env): GrpcClientConfig => ({
  usersAddress: readGrpcAddress(env, 'USERS_GRPC_ADDRESS'),
  chatAddress: readGrpcAddress(env, 'CHAT_GRPC_ADDRESS'),
  deadlineMs: readGrpcDeadlineMs(env),
});

/** How often a gRPC service checks its database and broker for its gRPC health (HEALTH_CHECK_INTERVAL_MS). */
export const readHealthCheckIntervalMs = (env: Env): number =>
  new EnvReader(env).integer('HEALTH_CHECK_INTERVAL_MS', 5_000, { min: 100, max: 600_000 });

/** The metrics listener of a gRPC service: loopback unless METRICS_HOST says otherwise; METRICS_PORT 0 picks a free port. */
/** SHUTDOWN_DRAIN_DELAY_MS: 0 to 30 s (default 0) of unready serving before a stopping gateway stops listening. */
export const readDrainDelayMs = (env: Env): number => new EnvReader(env).integer('SHUTDOWN_DRAIN_DELAY_MS', 0, { min: 0, max: 30_000 });

export const readMetricsListener = (env: Env, fallbackPort: number): HttpConfig => {
  const reader = new EnvReader(env);
  return { host: reader.string('METRICS_HOST', '127.0.0.1'), port: reader.integer('METRICS_PORT', fallbackPort, { min: 0, max: 65535 }) };
};

/** See {@link readGrpcMaxConcurrentCalls}; measured in docs/performance.md ("Admission control"). */
export const GRPC_MAX_CONCURRENT_CALLS_DEFAULT = 256;

/** The gRPC listener: loopback unless GRPC_HOST says otherwise (a deployment's private network). */
export const readGrpcServerPort = (env: Env, fallback: number): HttpConfig => {
  const reader = new EnvReader(env);
  return { host: reader.string('GRPC_HOST', '127.0.0.1'), port: reader.integer('GRPC_PORT', fallback, { min: 0, max: 65535 }) };
};

/**
 * GRPC_MAX_CONCURRENT_CALLS: how many calls a gRPC service runs at once; the others wait their
 * turn, and one whose deadline passes while it waits is refused without running (CallAdmission).
 */
export const readGrpcMaxConcurrentCalls = (env: Env): number =>
  new EnvReader(env).integer('GRPC_MAX_CONCURRENT_CALLS', GRPC_MAX_CONCURRENT_CALLS_DEFAULT, { min: 1, max: 100_000 });

export const readMongoUrl = (env: Env, name: string): string => new EnvReader(env).url(name, ['mongodb', 'mongodb+srv']);
export const readOptionalMongoUrl = (env: Env, name: string): string | undefined =>
  new EnvReader(env).optionalUrl(name, ['mongodb', 'mongodb+srv']);
export const readRedisUrl = (env: Env): string => new EnvReader(env).url('REDIS_URL', ['redis', 'rediss']);
export const readAmqpUrl = (env: Env): string => new EnvReader(env).url('AMQP_URL', ['amqp', 'amqps']);

export interface AmqpConfig {
  readonly url: string;
  /** The topic exchange of this deployment: deployments sharing a broker keep apart by name. */
  readonly exchange: string;
}

const NAME_PATTERN = /^[A-Za-z0-9_.:-]{1,200}$/;

const readName = (env: Env, name: string, fallback: string): string => {
  const value = new EnvReader(env).string(name, fallback);
  if (!NAME_PATTERN.test(value)) throw new ConfigError(`${name} must be 1-200 of A-Z a-z 0-9 _ . : -, got "${value}"`);
  return value;
};

export const readAmqpConfig = (env: Env): AmqpConfig => ({
  url: readAmqpUrl(env),
  exchange: readName(env, 'AMQP_EXCHANGE', 'chatterroom.events'),
});

export interface RedisConfig {
  readonly url: string;
  /** Prefix of every key this deployment writes: deployments sharing a Redis keep apart by it. */
  readonly keyPrefix: string;
}

export const readRedisConfig = (env: Env): RedisConfig => ({
  url: readRedisUrl(env),
  keyPrefix: readName(env, 'REDIS_KEY_PREFIX', 'chatterroom:'),
});

/** GraphQL at /graphql of the monolith and of each gateway. */
export interface GraphqlConfig {
  /** Serve GraphiQL at /graphiql, with its assets from this process (on by default in the monolith only). */
  readonly graphiql: boolean;
  readonly introspection: boolean;
  readonly maxDepth: number;
  readonly maxComplexity: number;
  readonly maxRootFields: number;
  readonly maxAliases: number;
  readonly maxExpensiveMutations: number;
}

const readBoolean = (env: Env, name: string, fallback: boolean): boolean =>
  new EnvReader(env).oneOf(name, ['true', 'false'], fallback ? 'true' : 'false') === 'true';

/** `graphiqlByDefault`: whether GraphiQL is on when GRAPHQL_GRAPHIQL is unset (the monolith's default; not a gateway's). */
export const readGraphqlConfig = (env: Env, graphiqlByDefault = false): GraphqlConfig => {
  const reader = new EnvReader(env);
  return {
    graphiql: readBoolean(env, 'GRAPHQL_GRAPHIQL', graphiqlByDefault),
    introspection: readBoolean(env, 'GRAPHQL_INTROSPECTION', true),
    maxDepth: reader.integer('GRAPHQL_MAX_DEPTH', 10, { min: 1, max: 100 }),
    maxComplexity: reader.integer('GRAPHQL_MAX_COMPLEXITY', 5_000, { min: 1, max: 1_000_000 }),
    maxRootFields: reader.integer('GRAPHQL_MAX_ROOT_FIELDS', 20, { min: 1, max: 10_000 }),
    maxAliases: reader.integer('GRAPHQL_MAX_ALIASES', 30, { min: 0, max: 10_000 }),
    maxExpensiveMutations: reader.integer('GRAPHQL_MAX_EXPENSIVE_MUTATIONS', 1, { min: 1, max: 1_000 }),
  };
};
