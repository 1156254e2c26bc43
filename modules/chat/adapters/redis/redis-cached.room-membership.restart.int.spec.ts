import type { Redis } from 'ioredis';
import { silentLogger } from '@chatterroom/kernel';
import { InMemoryRoomMembership } from '../in-memory/in-memory.room-membership';
import { RedisCachedRoomMembership } from './redis-cached.room-membership';
import { closeRedis, createRedis, redisReady } from '@chatterroom/platform/redis/create-redis';
import { startOwnRedisServer, type OwnRedisServer } from '@chatterroom/test/kits/redis/own-redis-server';
import { freePort } from '@chatterroom/test/harness/system/free-port';
import { recordingLogger } from '@chatterroom/test/harness/recording-logger';

jest.setTimeout(30_000);

describe('RedisCachedRoomMembership across a Redis restart (its own redis-server)', () => {
  it('answers from the durable store while Redis is down, then serves and rebuilds from Redis again', async () => {
    let server: OwnRedisServer | undefined;
    let redis: Redis | undefined;
    try {
      server = await startOwnRedisServer(await freePort());
      redis = createRedis(server.url, silentLogger);
      await redisReady(redis);
      const log = recordingLogger();
      const durable = new InMemoryRoomMembership();
      const membership = new RedisCachedRoomMembership({ redis, durableRoomMembership: durable, logger: log.logger });
      const [roomId, alice, bob, carol] = [101, 7, 8, 9];
      const roomKey = `chatterroom:room:${roomId}:members`;

      await membership.add(roomId, alice);
      await membership.add(roomId, bob);
      expect(await membership.members(roomId)).toEqual([alice, bob]);
      expect(await redis.exists(roomKey)).toBe(1);

      await server.kill();
      expect(await membership.add(roomId, carol)).toBe(true);
      expect(await membership.remove(roomId, alice)).toBe(true);
      expect(await membership.members(roomId)).toEqual([bob, carol]);
      expect(await membership.isMember(roomId, carol)).toBe(true);
      expect(await membership.roomsOf(carol)).toEqual([roomId]);
      expect(log.warnings).toHaveLength(1);

      await server.restart();
      await redisReady(redis, 15_000);
      expect(await membership.members(roomId)).toEqual([bob, carol]);
      expect((await redis.smembers(roomKey)).sort()).toEqual(['8', '9', '_']);
      expect(log.infos).toHaveLength(1);

      await durable.add(roomId, 10);
      expect(await membership.members(roomId)).toEqual([bob, carol]);
      expect(await membership.isMember(roomId, alice)).toBe(false);
    } finally {
      if (redis !== undefined) await closeRedis(redis);
      await server?.kill();
    }
  });
});
