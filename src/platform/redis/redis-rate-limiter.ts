import { ALLOWED, type BackoffPolicy, type RateDecision, type RateLimiter, type RatePolicy } from '@chatterroom/kernel';
import { RedisLimiterCalls, type RedisLimiterDeps } from './redis-limiter-calls';
import { CHECK_BACKOFF_SCRIPT, CONSUME_SCRIPT, RECORD_FAILURE_SCRIPT } from './redis-limiter.scripts';

const decisionOf = (reply: unknown): RateDecision => {
  const [allowed, retryAfterMs] = reply as [number, number];
  return allowed === 1 ? ALLOWED : { allowed: false, retryAfterMs: Math.max(1, retryAfterMs) };
};

const backoffOf = (reply: unknown): RateDecision => {
  const barredMs = Number(reply);
  return barredMs > 0 ? { allowed: false, retryAfterMs: barredMs } : ALLOWED;
};

/**
 * {@link RateLimiter} in Redis, shared by every gateway: each decision is one Lua script
 * (atomic, timed by the Redis server's clock). A key's GCRA arrival time is a string key
 * `<prefix>limit:rate:<key>` and its failures a hash `<prefix>limit:fail:<key>`, both
 * expiring when they no longer matter. While Redis cannot answer, everything is allowed.
 */
export class RedisRateLimiter implements RateLimiter {
  private readonly calls: RedisLimiterCalls;

  constructor(deps: RedisLimiterDeps) {
    this.calls = new RedisLimiterCalls(deps);
  }

  consume(key: string, policy: RatePolicy, cost = 1): Promise<RateDecision> {
    return this.calls.script(CONSUME_SCRIPT, this.calls.keys.rate(key), [policy.limit, policy.periodMs, cost], decisionOf, ALLOWED);
  }

  checkBackoff(key: string): Promise<RateDecision> {
    return this.calls.script(CHECK_BACKOFF_SCRIPT, this.calls.keys.failures(key), [], backoffOf, ALLOWED);
  }

  recordFailure(key: string, policy: BackoffPolicy): Promise<RateDecision> {
    const args = [policy.freeFailures, policy.baseDelayMs, policy.maxDelayMs, policy.forgetAfterMs];
    return this.calls.script(RECORD_FAILURE_SCRIPT, this.calls.keys.failures(key), args, decisionOf, ALLOWED);
  }

  resetBackoff(key: string): Promise<void> {
    return this.calls.command((redis) => redis.del(this.calls.keys.failures(key)));
  }
}
