import { silentLogger, type Signal } from '@chatterroom/kernel';
import { serviceUrls } from '@chatterroom/test/harness/services/service-urls';
import { closeRedis, createRedis, redisReady } from './create-redis';
import { RedisSignalBus } from './redis-signal-bus';

const uniquePrefix = (): string => `chatterroom-test:${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}:`;

const nextSignal = (received: Signal[]): Promise<Signal> =>
  new Promise((resolve) => {
    const poll = () => (received.length > 0 ? resolve(received.shift()!) : setTimeout(poll, 10));
    poll();
  });

describe('RedisSignalBus (real Redis)', () => {
  it('broadcasts a signal to every bus of the same prefix, publisher included, and to no other prefix', async () => {
    const redis = createRedis(serviceUrls.redis, silentLogger);
    await redisReady(redis);
    const keyPrefix = uniquePrefix();
    const [first, second, foreign] = [
      new RedisSignalBus({ redis, keyPrefix, logger: silentLogger }),
      new RedisSignalBus({ redis, keyPrefix, logger: silentLogger }),
      new RedisSignalBus({ redis, keyPrefix: uniquePrefix(), logger: silentLogger }),
    ];
    const atFirst: Signal[] = [];
    const atSecond: Signal[] = [];
    const atForeign: Signal[] = [];
    try {
      await first.subscribe((signal) => atFirst.push(signal));
      await second.subscribe((signal) => atSecond.push(signal));
      await foreign.subscribe((signal) => atForeign.push(signal));
      await first.publish({ type: 'typing', payload: { userId: 7 } });
      expect(await nextSignal(atSecond)).toEqual({ type: 'typing', payload: { userId: 7 } });
      expect(await nextSignal(atFirst)).toEqual({ type: 'typing', payload: { userId: 7 } });
      await foreign.publish({ type: 'barrier', payload: null });
      expect((await nextSignal(atForeign)).type).toBe('barrier');
      expect(atForeign).toEqual([]);
    } finally {
      await Promise.all([first.close(), second.close(), foreign.close()]);
      await closeRedis(redis);
    }
  });
});
