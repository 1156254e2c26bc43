import type { Redis } from 'ioredis';
import { silentLogger } from '@chatterroom/kernel';
import { describeConcurrencyLimiterContract } from '@chatterroom/test/contract/ports/kernel/concurrency-limiter.contract';
import { describeRateLimiterContract } from '@chatterroom/test/contract/ports/kernel/rate-limiter.contract';
import { serviceUrls } from '@chatterroom/test/harness/services/service-urls';
import { closeRedis, createRedis, redisReady } from './create-redis';
import { RedisConcurrencyLimiter } from './redis-concurrency-limiter';
import { RedisRateLimiter } from './redis-rate-limiter';

const uniquePrefix = (): string => `chatterroom-test:${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}:`;

/** Deletes this run's keys only: the Redis is shared. */
const deleteKeys = async (redis: Redis, prefix: string): Promise<void> => {
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 1000);
    if (keys.length > 0) await redis.del(...keys);
    cursor = next;
  } while (cursor !== '0');
};

const subject = async <T>(make: (redis: Redis, keyPrefix: string) => T) => {
  const redis = createRedis(serviceUrls.redis, silentLogger);
  await redisReady(redis);
  const keyPrefix = uniquePrefix();
  return {
    limiter: make(redis, keyPrefix),
    close: async () => {
      await deleteKeys(redis, keyPrefix);
      await closeRedis(redis);
    },
  };
};

describeRateLimiterContract('Redis', () => subject((redis, keyPrefix) => new RedisRateLimiter({ redis, keyPrefix, logger: silentLogger })));
describeConcurrencyLimiterContract('Redis', () =>
  subject((redis, keyPrefix) => new RedisConcurrencyLimiter({ redis, keyPrefix, logger: silentLogger })),
);

describe('Redis limiters', () => {
  it('share their counts between clients (gateways) and keep every key under the prefix', async () => {
    const keyPrefix = uniquePrefix();
    const [a, b] = [createRedis(serviceUrls.redis, silentLogger), createRedis(serviceUrls.redis, silentLogger)];
    await Promise.all([redisReady(a), redisReady(b)]);
    try {
      const policy = { limit: 2, periodMs: 60_000 };
      const first = new RedisRateLimiter({ redis: a, keyPrefix, logger: silentLogger });
      const second = new RedisRateLimiter({ redis: b, keyPrefix, logger: silentLogger });
      expect((await first.consume('k', policy)).allowed).toBe(true);
      expect((await second.consume('k', policy)).allowed).toBe(true);
      expect((await first.consume('k', policy)).allowed).toBe(false);
      expect(await a.keys(`${keyPrefix}*`)).toEqual([`${keyPrefix}limit:rate:k`]);
    } finally {
      await deleteKeys(a, keyPrefix);
      await Promise.all([closeRedis(a), closeRedis(b)]);
    }
  });

  it('allow everything while Redis cannot answer', async () => {
    const redis = createRedis('redis://127.0.0.1:1', silentLogger);
    try {
      const limiter = new RedisRateLimiter({ redis, keyPrefix: uniquePrefix(), logger: silentLogger });
      const slots = new RedisConcurrencyLimiter({ redis, keyPrefix: uniquePrefix(), logger: silentLogger });
      expect(await limiter.consume('k', { limit: 1, periodMs: 1000 }, 5)).toEqual({ allowed: true });
      expect(await slots.acquire('k', 'h', 0, 1000)).toBe(true);
      expect(await limiter.checkBackoff('k')).toEqual({ allowed: true });
      expect(await limiter.recordFailure('k', { freeFailures: 0, baseDelayMs: 1000, maxDelayMs: 1000, forgetAfterMs: 1000 })).toEqual({ allowed: true });
      await expect(limiter.resetBackoff('k')).resolves.toBeUndefined();
      await expect(slots.renew('k', 'h', 1000)).resolves.toBeUndefined();
      await expect(slots.release('k', 'h')).resolves.toBeUndefined();
    } finally {
      await closeRedis(redis);
    }
  });
});
