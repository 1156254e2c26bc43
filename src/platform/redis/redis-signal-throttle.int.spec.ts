import type { Redis } from 'ioredis';
import { silentLogger } from '@chatterroom/kernel';
import { describeSignalThrottleContract } from '@chatterroom/test/contract/ports/kernel/signal-throttle.contract';
import { serviceUrls } from '@chatterroom/test/harness/services/service-urls';
import { closeRedis, createRedis, redisReady } from './create-redis';
import { RedisSignalThrottle } from './redis-signal-throttle';

const uniquePrefix = (): string => `chatterroom-test:throttle:${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}:`;

/** Two gateways: each its own Redis connection, one key space. */
const twoGateways = async () => {
  const keyPrefix = uniquePrefix();
  const connections: Redis[] = [createRedis(serviceUrls.redis, silentLogger), createRedis(serviceUrls.redis, silentLogger)];
  await Promise.all(connections.map((redis) => redisReady(redis)));
  const [a, b] = connections.map((redis) => new RedisSignalThrottle({ redis, keyPrefix, logger: silentLogger })) as [RedisSignalThrottle, RedisSignalThrottle];
  return {
    a,
    b,
    close: async () => {
      let cursor = '0';
      do {
        const [next, keys] = await connections[0]!.scan(cursor, 'MATCH', `${keyPrefix}*`, 'COUNT', 1000);
        if (keys.length > 0) await connections[0]!.del(...keys);
        cursor = next;
      } while (cursor !== '0');
      await Promise.all(connections.map((redis) => closeRedis(redis)));
    },
  };
};

describeSignalThrottleContract('Redis (SET NX PX)', async () => {
  const gateways = await twoGateways();
  return { throttle: gateways.a, close: gateways.close };
});

describe('RedisSignalThrottle across gateways', () => {
  it('lets one signal of a key through whichever gateway it enters, also when both ask at once', async () => {
    const gateways = await twoGateways();
    try {
      const key = `typing:7|room:${Date.now()}`;
      const admitted = await Promise.all(Array.from({ length: 20 }, (_, i) => (i % 2 === 0 ? gateways.a : gateways.b).admit(key, 3_600_000)));
      expect(admitted.filter(Boolean)).toHaveLength(1);
      expect(await gateways.b.admit(key, 3_600_000)).toBe(false);
    } finally {
      await gateways.close();
    }
  });
});
