import { randomBytes } from 'node:crypto';
import Redis from 'ioredis';
import { mongoTestUrl, serviceUrls } from '../../services/service-urls';

/** Fresh per-run storage for the split deployment, so no run sees another's data. */
export interface SplitResources {
  readonly usersMongoUrl: string;
  readonly chatMongoUrl: string;
  readonly redisUrl: string;
  readonly amqpUrl: string;
  readonly jwtSecret: string;
}

/**
 * A fresh database per module; a Redis logical database (1-15) picked at random and
 * emptied, since room ids restart at 1 in a fresh chat database and must not meet
 * cached membership of an earlier run.
 */
export const prepareSplitResources = async (): Promise<SplitResources> => {
  const redisUrl = new URL(serviceUrls.redis);
  redisUrl.pathname = `/${1 + Math.floor(Math.random() * 15)}`;
  const redis = new Redis(redisUrl.toString(), { lazyConnect: true, maxRetriesPerRequest: 1 });
  try {
    await redis.connect();
    await redis.flushdb();
  } finally {
    redis.disconnect();
  }
  return {
    usersMongoUrl: mongoTestUrl('sut_users'),
    chatMongoUrl: mongoTestUrl('sut_chat'),
    redisUrl: redisUrl.toString(),
    amqpUrl: serviceUrls.amqp,
    jwtSecret: randomBytes(48).toString('base64url'),
  };
};
