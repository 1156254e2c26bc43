import type { SignalThrottle } from '@chatterroom/kernel';
import { failOpen } from './fail-open';
import type { RedisLimiterDeps } from './redis-limiter-calls';

/**
 * {@link SignalThrottle} in Redis, shared by every gateway: `SET <prefix>throttle:<key> 1 NX PX
 * <interval>` is one atomic command that only the first caller of the interval wins, and the
 * key expires by itself (timed by the Redis server). While Redis cannot answer, signals go through.
 */
export class RedisSignalThrottle implements SignalThrottle {
  private readonly guarded: ReturnType<typeof failOpen>;

  constructor(private readonly deps: RedisLimiterDeps) {
    this.guarded = failOpen(deps.logger);
  }

  admit(key: string, intervalMs: number): Promise<boolean> {
    return this.guarded(async () => (await this.deps.redis.set(`${this.deps.keyPrefix}throttle:${key}`, '1', 'PX', intervalMs, 'NX')) === 'OK', true);
  }
}
