import { silentLogger } from '@chatterroom/kernel';
import { describePresenceDirectoryContract } from '@chatterroom/test/contract/ports/kernel/presence-directory.contract';
import { serviceUrls } from '@chatterroom/test/harness/services/service-urls';
import { closeRedis, createRedis, redisReady } from './create-redis';
import { RedisPresenceDirectory } from './redis-presence-directory';

const redisSubject = (ttlMs?: number) => async () => {
  const redis = createRedis(serviceUrls.redis, silentLogger);
  await redisReady(redis);
  const keyPrefix = `chatterroom-test:${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}:`;
  return {
    directory: new RedisPresenceDirectory({ redis, keyPrefix, ...(ttlMs === undefined ? {} : { ttlMs }) }),
    ...(ttlMs === undefined ? {} : { ttlMs }),
    close: async () => {
      const keys = await redis.keys(`${keyPrefix}*`);
      if (keys.length > 0) await redis.del(...keys);
      await closeRedis(redis);
    },
  };
};

describePresenceDirectoryContract('RedisPresenceDirectory (real Redis)', redisSubject());
describePresenceDirectoryContract('RedisPresenceDirectory (real Redis) with a 2 s mark lifetime', redisSubject(2_000));
