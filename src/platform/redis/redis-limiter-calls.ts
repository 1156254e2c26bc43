import type { Redis } from 'ioredis';
import type { Logger } from '@chatterroom/kernel';
import { failOpen } from './fail-open';
import { limiterKeys } from './redis-limiter.scripts';

/** What a Redis-backed limiter is built from. */
export interface RedisLimiterDeps {
  readonly redis: Redis;
  readonly logger: Logger;
  /** The deployment's REDIS_KEY_PREFIX. */
  readonly keyPrefix: string;
}

/**
 * The plumbing both Redis limiters share: the key names under the deployment's prefix, one
 * script or command per decision, and fail-open (while Redis cannot answer, the fallback is
 * given and a warning logged at most every 10 s).
 */
export class RedisLimiterCalls {
  readonly keys: ReturnType<typeof limiterKeys>;
  private readonly redis: Redis;
  private readonly guarded: ReturnType<typeof failOpen>;

  constructor(deps: RedisLimiterDeps) {
    this.redis = deps.redis;
    this.keys = limiterKeys(deps.keyPrefix);
    this.guarded = failOpen(deps.logger);
  }

  /** Runs `script` (atomic, on the Redis server's clock) on `key` with `args`; its reply read by `read`, or `fallback`. */
  script<T>(script: string, key: string, args: readonly (string | number)[], read: (reply: unknown) => T, fallback: T): Promise<T> {
    return this.guarded(async () => read(await this.redis.eval(script, 1, key, ...args)), fallback);
  }

  /** Runs one plain command whose answer does not matter; a failure is logged and ignored. */
  command(run: (redis: Redis) => Promise<unknown>): Promise<void> {
    return this.guarded(async () => {
      await run(this.redis);
    }, undefined);
  }
}
