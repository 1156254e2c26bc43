import type { ConsumeMessage } from 'amqplib';
import { RequestId, type EventHandler, type IntegrationEvent, type Logger } from '@chatterroom/kernel';
import { incomingContext, inSpan, SpanKind } from '../tracing/trace-context';
import type { AmqpSession } from './reconnecting-amqp-connection';
import { TimeSlice } from './time-slice';

/**
 * The broker hands a consumer up to its prefetch of messages at once; handled back to back
 * they would hold the event loop for all of them (a gateway fanning out 100 events to 500
 * sockets each: ~200 ms without answering a ping). After this long the chain yields a turn.
 */
const SLICE_MS = 10;

export interface AmqpEventConsumerOptions {
  readonly session: AmqpSession;
  readonly queue: string;
  readonly handler: EventHandler;
  readonly logger: Logger;
  /** False once the bus is closing: later messages are left unacked, for the broker to requeue. */
  readonly isOpen: () => boolean;
  /** The broker cancelled the consumer (its queue was deleted, for example). */
  readonly onCancelled: () => void;
}

/**
 * Consumes `queue` on the session's consume channel with manual acks (batched, see ConsumeAcks). Messages are
 * handled one at a time in arrival order. A handler failure on a first delivery is
 * nacked back to the queue; on a redelivery it is logged and acked (dropped).
 * Malformed messages are logged and acked. Resolves to the consumer tag.
 */
export const consumeEvents = async (options: AmqpEventConsumerOptions): Promise<string> => {
  const { session, queue, logger } = options;
  const channel = session.consumeChannel;
  let queueTail = Promise.resolve();
  const slice = new TimeSlice(SLICE_MS);
  const acks = session.consumeAcks;

  const handle = async (message: ConsumeMessage): Promise<void> => {
    if (!session.alive || !options.isOpen()) return; // the broker requeues what was not acked
    const event = parseEvent(message.content);
    const context = { messageId: message.properties.messageId, routingKey: message.fields.routingKey, queue };
    if (!event) {
      logger.error(context, 'Malformed event message dropped');
      acks.ack(message);
      return;
    }
    try {
      const headers = message.properties.headers ?? {};
      const requestId = typeof headers['x-request-id'] === 'string' ? headers['x-request-id'] : undefined;
      const consume = () => inSpan(`consume ${event.type}`, SpanKind.CONSUMER, incomingContext(headers), () => options.handler(event));
      await (requestId === undefined ? consume() : RequestId.run(requestId, consume));
      acks.ack(message);
    } catch (error) {
      if (message.fields.redelivered) {
        logger.error({ ...context, err: error }, 'Event handler failed on a redelivery; event dropped');
        acks.ack(message);
      } else {
        logger.warn({ ...context, err: error }, 'Event handler failed; requeueing the event once');
        acks.nack(message, true);
      }
    }
  };

  const { consumerTag } = await channel.consume(queue, (message) => {
    if (message === null) {
      options.onCancelled();
      return;
    }
    acks.received(message);
    queueTail = queueTail
      .then(() => slice.pace())
      .then(() => handle(message))
      .catch((error: unknown) => logger.error({ err: error, queue }, 'Event consumer failed on a message'));
  });
  return consumerTag;
};

const parseEvent = (content: Buffer): IntegrationEvent | undefined => {
  try {
    const parsed: unknown = JSON.parse(content.toString('utf8'));
    if (typeof parsed !== 'object' || parsed === null) return undefined;
    const { id, type, occurredAt } = parsed as Record<string, unknown>;
    const valid = typeof id === 'string' && typeof type === 'string' && typeof occurredAt === 'string';
    return valid ? (parsed as IntegrationEvent) : undefined;
  } catch {
    return undefined;
  }
};
