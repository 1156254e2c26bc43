import type { ConfirmChannel, Options } from 'amqplib';

/** Publishes on a confirm channel; resolves on the broker's ack, rejects on nack, close or timeout. */
export const publishConfirmed = (
  channel: ConfirmChannel,
  target: { readonly exchange: string; readonly routingKey: string },
  content: Buffer,
  options: Options.Publish,
  timeoutMs: number,
): Promise<void> =>
  new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`RabbitMQ did not confirm the message within ${timeoutMs} ms`)), timeoutMs);
    const settle = (error: unknown): void => {
      clearTimeout(timer);
      if (error) reject(error instanceof Error ? error : new Error(String(error)));
      else resolve();
    };
    try {
      channel.publish(target.exchange, target.routingKey, content, options, (error) => settle(error));
    } catch (error) {
      settle(error);
    }
  });
