import Redis from 'ioredis';
import type { Logger } from '@chatterroom/kernel';

/** Longest pause between reconnection attempts; ioredis keeps trying forever. */
const MAX_RECONNECT_DELAY_MS = 2_000;

/**
 * A Redis client tuned for a cache that must never stall a request: while Redis is
 * unreachable, commands fail at once (no offline queue, one retry) so callers fall back
 * to the durable store, and ioredis reconnects by itself in the background. Connection
 * errors are logged once per outage and never crash the process. Commands issued within one
 * turn of the event loop go out together, as one pipeline in one socket write (ioredis's auto
 * pipelining): under load every request's membership check or rate-limit count was a write of its own.
 */
export const createRedis = (url: string, logger: Logger): Redis => {
  const redis = new Redis(url, {
    retryStrategy: (attempt) => Math.min(attempt * 100, MAX_RECONNECT_DELAY_MS),
    maxRetriesPerRequest: 1,
    enableOfflineQueue: false,
    connectTimeout: 2_000,
    commandTimeout: 2_000,
    enableAutoPipelining: true,
  });
  let healthy = true;
  redis.on('error', (error: Error) => {
    if (!healthy) return;
    healthy = false;
    logger.warn({ err: error, redis: redactedUrl(url) }, 'Redis connection lost; reconnecting in the background');
  });
  redis.on('ready', () => {
    if (healthy) return;
    healthy = true;
    logger.info({ redis: redactedUrl(url) }, 'Redis connection restored');
  });
  return redis;
};

/** Resolves once the client can run commands; rejects after `timeoutMs`. */
export const redisReady = (redis: Redis, timeoutMs = 5_000): Promise<void> =>
  new Promise((resolve, reject) => {
    if (redis.status === 'ready') return resolve();
    const timer = setTimeout(() => {
      redis.off('ready', onReady);
      reject(new Error(`Redis not ready after ${timeoutMs} ms (status ${redis.status})`));
    }, timeoutMs);
    const onReady = () => {
      clearTimeout(timer);
      resolve();
    };
    redis.once('ready', onReady);
  });

/** Closes the client: a polite QUIT when connected, an immediate disconnect otherwise; resolves once it has ended. */
export const closeRedis = async (redis: Redis): Promise<void> => {
  if (redis.status === 'end') return;
  const ended = new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, 2_000);
    redis.once('end', () => {
      clearTimeout(timer);
      resolve();
    });
  });
  if (redis.status === 'ready') await redis.quit().catch(() => redis.disconnect());
  else redis.disconnect();
  await ended;
};

const redactedUrl = (url: string): string => {
  try {
    const parsed = new URL(url);
    if (parsed.password !== '') parsed.password = '***';
    return parsed.toString();
  } catch {
    return 'redis://(unparsable url)';
  }
};
