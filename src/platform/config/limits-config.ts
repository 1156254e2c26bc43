import { DEFAULT_HTTP_TIMEOUTS, DEFAULT_LIMITS, type BackoffPolicy, type HttpTimeouts, type LimitsOptions, type RatePolicy } from '@chatterroom/kernel';
import { ConfigError, EnvReader } from './env-reader';

type Env = Readonly<Record<string, string | undefined>>;

const UNIT_MS: Readonly<Record<string, number>> = { ms: 1, s: 1_000, m: 60_000, h: 3_600_000 };
const RATE_PATTERN = /^(\d{1,9})\s*\/\s*(\d{0,9})\s*(ms|s|m|h)$/;

/** `120/1m`, `10/30s`, `5/500ms`, `1000/1h` (the period's number may be left out: `120/m`), or `off`. */
export const parseRate = (name: string, raw: string): RatePolicy | null => {
  if (raw === 'off') return null;
  const match = RATE_PATTERN.exec(raw);
  const limit = Number(match?.[1]);
  const periodMs = Number(match?.[2] === '' ? 1 : match?.[2]) * (UNIT_MS[match?.[3] ?? ''] ?? NaN);
  if (match === null || !(limit >= 1) || !(periodMs >= 1) || periodMs > 7 * 86_400_000) {
    throw new ConfigError(`${name} must be <count>/<period> such as 120/1m, 10/30s or 1000/1h (at most a week), or off; got "${raw}"`);
  }
  return { limit, periodMs };
};

const rate = (env: Env, name: string, fallback: RatePolicy | null): RatePolicy | null => {
  const raw = new EnvReader(env).optional(name);
  return raw === undefined ? fallback : parseRate(name, raw);
};

/** The limits as the gateway takes them. */
export type LimitsConfig = LimitsOptions;

const UNLIMITED_FAILURES = Number.MAX_SAFE_INTEGER;

/**
 * RATE_LIMIT_* variables (defaults in the README's Limits table). `RATE_LIMITS=off` turns
 * every rate limit off at once (benchmarks); GraphQL caps and HTTP timeouts stay.
 */
export const readLimitsConfig = (env: Env): LimitsConfig => {
  const reader = new EnvReader(env);
  const enabled = reader.oneOf('RATE_LIMITS', ['on', 'off'], 'on') === 'on';
  const on = (policy: RatePolicy | null) => (enabled ? policy : null);
  const backoff = (freeName: string, fallback: BackoffPolicy): BackoffPolicy => ({
    freeFailures: enabled ? reader.integer(freeName, fallback.freeFailures, { min: 0, max: 1_000_000 }) : UNLIMITED_FAILURES,
    baseDelayMs: reader.integer('RATE_LIMIT_SIGNIN_BACKOFF_MS', fallback.baseDelayMs, { min: 1, max: 3_600_000 }),
    maxDelayMs: reader.integer('RATE_LIMIT_SIGNIN_BACKOFF_MAX_MS', fallback.maxDelayMs, { min: 1, max: 86_400_000 }),
    forgetAfterMs: reader.integer('RATE_LIMIT_SIGNIN_FORGET_MS', fallback.forgetAfterMs, { min: 1_000, max: 7 * 86_400_000 }),
  });
  const d = DEFAULT_LIMITS;
  return {
    signInPerAccount: on(rate(env, 'RATE_LIMIT_SIGNIN_PER_ACCOUNT', d.signInPerAccount)),
    signInPerIp: on(rate(env, 'RATE_LIMIT_SIGNIN_PER_IP', d.signInPerIp)),
    signInFailuresPerAccount: backoff('RATE_LIMIT_SIGNIN_FREE_FAILURES', d.signInFailuresPerAccount),
    signInFailuresPerIp: backoff('RATE_LIMIT_SIGNIN_FREE_FAILURES_PER_IP', d.signInFailuresPerIp),
    signUpPerIp: on(rate(env, 'RATE_LIMIT_SIGNUP_PER_IP', d.signUpPerIp)),
    messagesPerUser: on(rate(env, 'RATE_LIMIT_MESSAGES_PER_USER', d.messagesPerUser)),
    wsFramesPerSocket: on(rate(env, 'RATE_LIMIT_WS_FRAMES_PER_SOCKET', d.wsFramesPerSocket)),
    wsExcessFramesPerSocket: on(rate(env, 'RATE_LIMIT_WS_EXCESS_FRAMES', d.wsExcessFramesPerSocket)),
    wsConnectionsPerUser: enabled ? reader.integer('RATE_LIMIT_WS_CONNECTIONS_PER_USER', d.wsConnectionsPerUser, { min: 0, max: 100_000 }) : 0,
  };
};

/** HTTP_*_TIMEOUT_MS: how long the server waits for slow clients (slowloris); REQUEST_DEADLINE_MS: each request's budget. */
export type HttpTimeoutsConfig = HttpTimeouts;

export const readHttpTimeouts = (env: Env): HttpTimeoutsConfig => {
  const reader = new EnvReader(env);
  const range = { min: 100, max: 3_600_000 };
  const config = {
    headersTimeoutMs: reader.integer('HTTP_HEADERS_TIMEOUT_MS', DEFAULT_HTTP_TIMEOUTS.headersTimeoutMs, range),
    requestTimeoutMs: reader.integer('HTTP_REQUEST_TIMEOUT_MS', DEFAULT_HTTP_TIMEOUTS.requestTimeoutMs, range),
    idleTimeoutMs: reader.integer('HTTP_IDLE_TIMEOUT_MS', DEFAULT_HTTP_TIMEOUTS.idleTimeoutMs, range),
    keepAliveTimeoutMs: reader.integer('HTTP_KEEP_ALIVE_TIMEOUT_MS', DEFAULT_HTTP_TIMEOUTS.keepAliveTimeoutMs, range),
    requestDeadlineMs: reader.integer('REQUEST_DEADLINE_MS', DEFAULT_HTTP_TIMEOUTS.requestDeadlineMs, { min: 50, max: 120_000 }),
  };
  if (config.headersTimeoutMs > config.requestTimeoutMs) {
    throw new ConfigError('HTTP_HEADERS_TIMEOUT_MS must not be above HTTP_REQUEST_TIMEOUT_MS');
  }
  return config;
};

/**
 * TRUST_PROXY: the proxies (addresses, CIDRs, or loopback / linklocal / uniquelocal) whose
 * X-Forwarded-For names the client; unset, the client is the connection's peer. Per-address
 * limits key on that client address.
 */
export const readTrustProxy = (env: Env): string | undefined => {
  const value = new EnvReader(env).optional('TRUST_PROXY');
  if (value !== undefined && !/^[A-Za-z0-9.:/,\s]{1,1000}$/.test(value)) {
    throw new ConfigError(`TRUST_PROXY must be a comma-separated list of addresses, CIDRs or loopback/linklocal/uniquelocal, got "${value}"`);
  }
  return value;
};
