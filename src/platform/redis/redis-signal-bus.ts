import type { Redis } from 'ioredis';
import type { Logger, Signal, SignalBus, SignalHandler } from '@chatterroom/kernel';
import { closeRedis } from './create-redis';
import { subscribeToChannel } from './channel-subscriber';

/**
 * {@link SignalBus} over Redis pub/sub on the channel `<keyPrefix>signals`: every gateway
 * subscribed gets each signal once while connected, nothing is stored (a gateway that is
 * disconnected misses what was sent meanwhile, which is what typing and presence want).
 * Publishing uses the shared client (fail-fast); subscribing needs a connection of its own,
 * which ioredis re-subscribes after a reconnection.
 */
export class RedisSignalBus implements SignalBus {
  private readonly channel: string;
  private subscriber: Redis | undefined;
  private readonly handlers: SignalHandler[] = [];

  constructor(private readonly deps: { redis: Redis; keyPrefix: string; logger: Logger }) {
    this.channel = `${deps.keyPrefix}signals`;
  }

  async publish(signal: Signal): Promise<void> {
    try {
      await this.deps.redis.publish(this.channel, JSON.stringify(signal));
    } catch (error) {
      this.deps.logger.warn({ err: error, signal: signal.type }, 'signal not sent (Redis unreachable)');
    }
  }

  async subscribe(handler: SignalHandler): Promise<void> {
    this.handlers.push(handler);
    if (this.subscriber !== undefined) return;
    const { subscriber, subscribed } = subscribeToChannel(this.deps.redis, this.channel, (text) => this.deliver(text));
    this.subscriber = subscriber;
    await subscribed;
  }

  async close(): Promise<void> {
    const subscriber = this.subscriber;
    this.subscriber = undefined;
    this.handlers.length = 0;
    if (subscriber !== undefined) await closeRedis(subscriber);
  }

  private deliver(text: string): void {
    let signal: Signal;
    try {
      signal = JSON.parse(text) as Signal;
    } catch {
      return;
    }
    if (typeof signal?.type !== 'string') return;
    for (const handler of this.handlers) {
      try {
        handler(signal);
      } catch (error) {
        this.deps.logger.error({ err: error, signal: signal.type }, 'signal handler failed');
      }
    }
  }
}
