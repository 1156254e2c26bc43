/**
 * At most `limit` units per `periodMs`: a burst of `limit` at once, then one unit every
 * `periodMs / limit` (the generic cell rate algorithm, a token bucket without a timer).
 */
export interface RatePolicy {
  readonly limit: number;
  readonly periodMs: number;
}

/**
 * Growing delays after failures: the first `freeFailures` cost nothing; each further one
 * bars the key for `baseDelayMs * 2^(n-1)` (n = failures past the free ones), at most
 * `maxDelayMs`. Failures are forgotten `forgetAfterMs` after the last one.
 */
export interface BackoffPolicy {
  readonly freeFailures: number;
  readonly baseDelayMs: number;
  readonly maxDelayMs: number;
  readonly forgetAfterMs: number;
}

/** The answer to "may this happen now?"; when not, how long until it may. */
export type RateDecision = { readonly allowed: true } | { readonly allowed: false; readonly retryAfterMs: number };

export const ALLOWED: RateDecision = { allowed: true };

/**
 * Shared counters of who did what how often, keyed by strings the caller chooses
 * (`signin:ip:10.0.0.1`). One process keeps them in memory; gateways of the split deployment
 * share one store, so a limit reached through one gateway holds on every other.
 * Rate keys and backoff keys live apart: the same string may name both.
 */
export interface RateLimiter {
  /**
   * Spends `cost` (default 1) units of `key` under `policy` when they are available, else
   * spends nothing and answers how long until they are. A cost above `policy.limit` is never
   * allowed (retryAfterMs = periodMs). Never throws: a store that cannot answer allows.
   */
  consume(key: string, policy: RatePolicy, cost?: number): Promise<RateDecision>;

  /** Whether `key` is barred by failures recorded with {@link recordFailure}. Never throws. */
  checkBackoff(key: string): Promise<RateDecision>;

  /**
   * Counts one failure of `key` and answers whether a next attempt is allowed now (not
   * while a delay runs). Not idempotent: each call is one failure. Never throws.
   */
  recordFailure(key: string, policy: BackoffPolicy): Promise<RateDecision>;

  /** Forgets the failures of `key` (a success). Idempotent; never throws. */
  resetBackoff(key: string): Promise<void>;
}
