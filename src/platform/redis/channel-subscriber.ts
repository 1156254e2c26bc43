import type { Redis } from 'ioredis';

/**
 * A connection of its own subscribed to `channel` (a subscribed connection runs no other
 * commands), calling `onMessage` with each message's text. Unlike the shared client it queues
 * while disconnected and retries forever, and ioredis subscribes it again after a reconnection;
 * its errors are left to the shared client's log. Returned at once (keep it before awaiting, so a
 * second caller meanwhile sees it), with `subscribed`, which resolves once Redis confirmed the
 * subscription. Close it with `closeRedis`.
 */
export const subscribeToChannel = (redis: Redis, channel: string, onMessage: (text: string) => void): { subscriber: Redis; subscribed: Promise<unknown> } => {
  const subscriber = redis.duplicate({ enableOfflineQueue: true, maxRetriesPerRequest: null, lazyConnect: false });
  subscriber.on('error', () => undefined);
  subscriber.on('message', (from: string, text: string) => {
    if (from === channel) onMessage(text);
  });
  return { subscriber, subscribed: subscriber.subscribe(channel) };
};
