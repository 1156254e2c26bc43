import type { ConcurrencyLimiter } from '@chatterroom/kernel';
import { RedisLimiterCalls, type RedisLimiterDeps } from './redis-limiter-calls';
import { ACQUIRE_SCRIPT, RENEW_SCRIPT } from './redis-limiter.scripts';

/**
 * {@link ConcurrencyLimiter} in Redis, shared by every gateway: a key's slots are a sorted
 * set `<prefix>limit:slots:<key>` of holders scored by the end of their lease (the Redis
 * server's clock), trimmed and counted in one Lua script. While Redis cannot answer,
 * every acquisition succeeds.
 */
export class RedisConcurrencyLimiter implements ConcurrencyLimiter {
  private readonly calls: RedisLimiterCalls;

  constructor(deps: RedisLimiterDeps) {
    this.calls = new RedisLimiterCalls(deps);
  }

  acquire(key: string, holder: string, limit: number, leaseMs: number): Promise<boolean> {
    return this.calls.script(ACQUIRE_SCRIPT, this.calls.keys.slots(key), [holder, limit, leaseMs], (reply) => Number(reply) === 1, true);
  }

  renew(key: string, holder: string, leaseMs: number): Promise<void> {
    return this.calls.script(RENEW_SCRIPT, this.calls.keys.slots(key), [holder, leaseMs], () => undefined, undefined);
  }

  release(key: string, holder: string): Promise<void> {
    return this.calls.command((redis) => redis.zrem(this.calls.keys.slots(key), holder));
  }
}
