import type { Redis } from 'ioredis';
import type { ConcurrencyLimiter, Logger } from '../../../modules/kernel';
import { failOpen } from './fail-open';
import { ACQUIRE_SCRIPT, limiterKeys, RENEW_SCRIPT } from './redis-limiter.scripts';

interface Deps {
  redis: Redis;
  logger: Logger;
  /** The deployment's REDIS_KEY_PREFIX. */
  keyPrefix: string;
}

/**
 * {@link ConcurrencyLimiter} in Redis, shared by every gateway: a key's slots are a sorted
 * set `<prefix>limit:slots:<key>` of holders scored by the end of their lease (the Redis
 * server's clock), trimmed and counted in one Lua script. While Redis cannot answer,
 * every acquisition succeeds.
 */
export class RedisConcurrencyLimiter implements ConcurrencyLimiter {
  private readonly redis: Redis;
  private readonly keys: ReturnType<typeof limiterKeys>;
  private readonly guarded: ReturnType<typeof failOpen>;

  constructor(deps: Deps) {
    this.redis = deps.redis;
    this.keys = limiterKeys(deps.keyPrefix);
    this.guarded = failOpen(deps.logger);
  }

  acquire(key: string, holder: string, limit: number, leaseMs: number): Promise<boolean> {
    return this.guarded(async () => Number(await this.redis.eval(ACQUIRE_SCRIPT, 1, this.keys.slots(key), holder, limit, leaseMs)) === 1, true);
  }

  renew(key: string, holder: string, leaseMs: number): Promise<void> {
    return this.guarded(async () => {
      await this.redis.eval(RENEW_SCRIPT, 1, this.keys.slots(key), holder, leaseMs);
    }, undefined);
  }

  release(key: string, holder: string): Promise<void> {
    return this.guarded(async () => {
      await this.redis.zrem(this.keys.slots(key), holder);
    }, undefined);
  }
}
