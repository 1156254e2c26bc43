import { randomBytes } from 'node:crypto';
import { connect } from 'amqplib';
import Redis from 'ioredis';
import { dropDatabases } from '../../services/mongo-databases';
import { mongoTestUrl, serviceUrls, type ServiceName } from '../../services/service-urls';

/**
 * Fresh per-run storage and names for the split deployment, so no run sees another's
 * data or events: a database per module, its own RabbitMQ exchange and Redis key prefix
 * (room ids restart at 1 in a fresh chat database and must not meet another run's cache).
 */
export interface SplitResources {
  readonly usersMongoUrl: string;
  readonly chatMongoUrl: string;
  readonly redisUrl: string;
  readonly redisKeyPrefix: string;
  readonly amqpUrl: string;
  readonly amqpExchange: string;
  /** The identity the services show each other (SERVICE_TOKEN). */
  readonly serviceToken: string;
}

export const prepareSplitResources = (): SplitResources => {
  const run = randomBytes(6).toString('hex');
  return {
    usersMongoUrl: mongoTestUrl('sut_users'),
    chatMongoUrl: mongoTestUrl('sut_chat'),
    redisUrl: serviceUrls.redis,
    redisKeyPrefix: `chatterroom-test:${run}:`,
    amqpUrl: serviceUrls.amqp,
    amqpExchange: `chatterroom.test.${run}`,
    serviceToken: randomBytes(32).toString('base64url'),
  };
};

/**
 * The resources with the broker, Redis and databases `env` names instead (a test's own, which it
 * may stop or flood), so the target uses and later releases those, never the machine's shared ones.
 */
export const splitResourcesWith = (resources: SplitResources, env: Readonly<Record<string, string>> = {}): SplitResources => ({
  ...resources,
  ...(env.USERS_MONGO_URL === undefined ? {} : { usersMongoUrl: env.USERS_MONGO_URL }),
  ...(env.CHAT_MONGO_URL === undefined ? {} : { chatMongoUrl: env.CHAT_MONGO_URL }),
  ...(env.REDIS_URL === undefined ? {} : { redisUrl: env.REDIS_URL }),
  ...(env.AMQP_URL === undefined ? {} : { amqpUrl: env.AMQP_URL }),
});

/** The shared services a target on `resources` still needs (those no test-owned instance replaces). */
export const sharedServicesUsed = (resources: SplitResources): ServiceName[] => [
  ...(resources.redisUrl === serviceUrls.redis ? ['redis' as const] : []),
  ...(resources.amqpUrl === serviceUrls.amqp ? ['amqp' as const] : []),
  ...([resources.usersMongoUrl, resources.chatMongoUrl].some((url) => new URL(url).host === new URL(serviceUrls.mongo).host) ? ['mongo' as const] : []),
];

/** Deletes the run's databases, exchange and Redis keys once its processes are stopped. */
export const releaseSplitResources = async (resources: SplitResources): Promise<void> => {
  await dropDatabases([resources.usersMongoUrl, resources.chatMongoUrl]);
  const connection = await connect(resources.amqpUrl);
  try {
    const channel = await connection.createChannel();
    await channel.deleteExchange(resources.amqpExchange);
  } finally {
    await connection.close();
  }
  const redis = new Redis(resources.redisUrl, { maxRetriesPerRequest: 1 });
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${resources.redisKeyPrefix}*`, 'COUNT', 500);
      if (keys.length > 0) await redis.del(...keys);
      cursor = next;
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
};
