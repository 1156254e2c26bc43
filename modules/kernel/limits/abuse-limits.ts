import type { BackoffPolicy, RatePolicy } from './rate-limiter.port';

/**
 * The abuse limits of a gateway; the roles read them from RATE_LIMIT_* variables. A rate
 * left `null` is not limited. Keys are shared by every gateway of a deployment.
 */
export interface LimitsOptions {
  /** Sign-in attempts per account (`signin:account:<username>`), whatever their outcome. */
  readonly signInPerAccount: RatePolicy | null;
  /** Sign-in attempts per client address (`signin:ip:<ip>`). */
  readonly signInPerIp: RatePolicy | null;
  /** Growing delays after failed sign-ins of one account; a success forgets them. */
  readonly signInFailuresPerAccount: BackoffPolicy;
  /** Growing delays after failed sign-ins from one address (any account). */
  readonly signInFailuresPerIp: BackoffPolicy;
  /** Accounts created per client address (`signup:ip:<ip>`). */
  readonly signUpPerIp: RatePolicy | null;
  /** Messages sent per user, over HTTP, WebSocket and GraphQL together (`messages:user:<id>`). */
  readonly messagesPerUser: RatePolicy | null;
  /** Frames one /ws/chat socket may send; past it each frame is answered RATE_LIMITED. */
  readonly wsFramesPerSocket: RatePolicy | null;
  /** Refused frames one socket may send; past it the socket is closed with 1008. */
  readonly wsExcessFramesPerSocket: RatePolicy | null;
  /** /ws/chat sockets one user may hold open at once (0: unlimited); past it the upgrade answers 429. */
  readonly wsConnectionsPerUser: number;
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/** Generous for people and for the test suites (many users signing up from one address); tighten in production. */
export const DEFAULT_LIMITS: LimitsOptions = {
  signInPerAccount: { limit: 10, periodMs: MINUTE },
  signInPerIp: { limit: 600, periodMs: 10 * MINUTE },
  signInFailuresPerAccount: { freeFailures: 5, baseDelayMs: 1_000, maxDelayMs: 5 * MINUTE, forgetAfterMs: HOUR },
  signInFailuresPerIp: { freeFailures: 50, baseDelayMs: 1_000, maxDelayMs: 5 * MINUTE, forgetAfterMs: HOUR },
  signUpPerIp: { limit: 1_000, periodMs: HOUR },
  messagesPerUser: { limit: 120, periodMs: MINUTE },
  wsFramesPerSocket: { limit: 100, periodMs: 10_000 },
  wsExcessFramesPerSocket: { limit: 100, periodMs: 10_000 },
  wsConnectionsPerUser: 20,
};

/** How long the HTTP server waits for a client, so slow or stalled connections end (slowloris). */
export interface HttpTimeouts {
  /** Whole request headers must arrive within this (node's headersTimeout). */
  readonly headersTimeoutMs: number;
  /** The whole request, body included, must arrive within this (requestTimeout). */
  readonly requestTimeoutMs: number;
  /** A connection silent for this long is closed (fastify's connectionTimeout; not WebSockets). */
  readonly idleTimeoutMs: number;
  /** An idle keep-alive connection is closed after this. */
  readonly keepAliveTimeoutMs: number;
  /**
   * The budget of one request or WebSocket frame from its arrival: its gRPC calls get what is
   * left of it, and a send still queued when it runs out is dropped before it is stored.
   */
  readonly requestDeadlineMs: number;
}

export const DEFAULT_HTTP_TIMEOUTS: HttpTimeouts = {
  headersTimeoutMs: 10_000,
  requestTimeoutMs: 30_000,
  idleTimeoutMs: 60_000,
  keepAliveTimeoutMs: 72_000,
  requestDeadlineMs: 10_000,
};
