import type { Redis } from 'ioredis';
import { ALLOWED, type BackoffPolicy, type Logger, type RateDecision, type RateLimiter, type RatePolicy } from '../../../modules/kernel';
import { failOpen } from './fail-open';
import { CHECK_BACKOFF_SCRIPT, CONSUME_SCRIPT, limiterKeys, RECORD_FAILURE_SCRIPT } from './redis-limiter.scripts';

interface Deps {
  redis: Redis;
  logger: Logger;
  /** The deployment's REDIS_KEY_PREFIX. */
  keyPrefix: string;
}

const decisionOf = ([allowed, retryAfterMs]: [number, number]): RateDecision =>
  allowed === 1 ? ALLOWED : { allowed: false, retryAfterMs: Math.max(1, retryAfterMs) };

/**
 * {@link RateLimiter} in Redis, shared by every gateway: each decision is one Lua script
 * (atomic, timed by the Redis server's clock). A key's GCRA arrival time is a string key
 * `<prefix>limit:rate:<key>` and its failures a hash `<prefix>limit:fail:<key>`, both
 * expiring when they no longer matter. While Redis cannot answer, everything is allowed.
 */
export class RedisRateLimiter implements RateLimiter {
  private readonly redis: Redis;
  private readonly keys: ReturnType<typeof limiterKeys>;
  private readonly guarded: ReturnType<typeof failOpen>;

  constructor(deps: Deps) {
    this.redis = deps.redis;
    this.keys = limiterKeys(deps.keyPrefix);
    this.guarded = failOpen(deps.logger);
  }

  consume(key: string, policy: RatePolicy, cost = 1): Promise<RateDecision> {
    return this.guarded(
      async () => decisionOf((await this.redis.eval(CONSUME_SCRIPT, 1, this.keys.rate(key), policy.limit, policy.periodMs, cost)) as [number, number]),
      ALLOWED,
    );
  }

  checkBackoff(key: string): Promise<RateDecision> {
    return this.guarded(async () => {
      const barredMs = Number(await this.redis.eval(CHECK_BACKOFF_SCRIPT, 1, this.keys.failures(key)));
      return barredMs > 0 ? { allowed: false, retryAfterMs: barredMs } : ALLOWED;
    }, ALLOWED);
  }

  recordFailure(key: string, policy: BackoffPolicy): Promise<RateDecision> {
    return this.guarded(
      async () =>
        decisionOf(
          (await this.redis.eval(
            RECORD_FAILURE_SCRIPT, 1, this.keys.failures(key),
            policy.freeFailures, policy.baseDelayMs, policy.maxDelayMs, policy.forgetAfterMs,
          )) as [number, number],
        ),
      ALLOWED,
    );
  }

  resetBackoff(key: string): Promise<void> {
    return this.guarded(async () => {
      await this.redis.del(this.keys.failures(key));
    }, undefined);
  }
}
