import type { Redis } from 'ioredis';
import { silentLogger } from '@chatterroom/kernel';
import { closeRedis, createRedis, redisReady } from './create-redis';
import { startOwnRedisServer, type OwnRedisServer } from '@chatterroom/test/kits/redis/own-redis-server';
import { eventually } from '@chatterroom/test/harness/system/eventually';
import { freePort } from '@chatterroom/test/harness/system/free-port';
import { recordingLogger } from '@chatterroom/test/harness/recording-logger';

jest.setTimeout(30_000);

describe('createRedis', () => {
  it('fails commands at once while Redis is unreachable, logs the outage once, and reconnects by itself', async () => {
    const port = await freePort();
    const log = recordingLogger();
    let server: OwnRedisServer | undefined;
    let redis: Redis | undefined;
    try {
      redis = createRedis(`redis://127.0.0.1:${port}`, log.logger);
      let reconnects = 0;
      redis.on('reconnecting', () => (reconnects += 1));
      await expect(redis.get('anything')).rejects.toThrow();
      await eventually(() => expect(reconnects).toBeGreaterThanOrEqual(3));
      expect(log.warnings).toHaveLength(1);

      server = await startOwnRedisServer(port);
      await redisReady(redis, 15_000);
      expect(await redis.set('key', 'value')).toBe('OK');
      expect(await redis.get('key')).toBe('value');
      expect(log.infos).toHaveLength(1);
    } finally {
      if (redis !== undefined) await closeRedis(redis);
      await server?.kill();
    }
  });

  it('sends the commands of one turn of the event loop as one pipeline, each answered on its own', async () => {
    const server = await startOwnRedisServer(await freePort());
    const redis = createRedis(server.url, silentLogger);
    try {
      await redisReady(redis);
      const answers = Promise.all([redis.set('a', '1'), redis.incr('counter'), redis.get('a'), redis.hget('a', 'field').catch((error: Error) => error.message)]);
      expect(redis.autoPipelineQueueSize).toBe(4);
      expect(await answers).toEqual(['OK', 1, '1', expect.stringMatching(/WRONGTYPE/)]);
      expect(redis.autoPipelineQueueSize).toBe(0);
    } finally {
      await closeRedis(redis);
      await server.kill();
    }
  });

  it('closes cleanly whether connected or not', async () => {
    const server = await startOwnRedisServer(await freePort());
    try {
      const connected = createRedis(server.url, silentLogger);
      await redisReady(connected);
      await closeRedis(connected);
      expect(connected.status).toBe('end');

      const unreachable = createRedis(`redis://127.0.0.1:${await freePort()}`, silentLogger);
      await closeRedis(unreachable);
      expect(unreachable.status).toBe('end');
    } finally {
      await server.kill();
    }
  });
});
