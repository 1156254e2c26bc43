import { randomUUID } from 'node:crypto';
import {
  RequestId,
  validationFailed,
  type EventBus,
  type EventHandler,
  type IntegrationEvent,
  type Logger,
  type Subscription,
} from '@chatterroom/kernel';
import { context } from '@opentelemetry/api';
import { inSpan, outgoingTraceHeaders, SpanKind } from '../tracing/trace-context';
import { consumeEvents } from './amqp-event-consumer';
import { AmqpConnectionError } from './amqp-url';
import { assertPublishableType, assertValidSubscription, bindingKeyFor, groupQueueName } from './amqp-topology';
import { publishConfirmed } from './confirmed-publish';
import { ReconnectingAmqpConnection, type AmqpSession } from './reconnecting-amqp-connection';

export interface RabbitMqEventBusDeps {
  readonly amqpUrl: string;
  readonly logger: Logger;
  /** The topic exchange; default `chatterroom.events`. */
  readonly exchange?: string;
  /** Unacknowledged messages per consumer; default 100. */
  readonly prefetch?: number;
  /** How long publish/subscribe wait for a (re)connection, and publish for its confirm; default 5000. */
  readonly operationTimeoutMs?: number;
  /** Deletes group queues unused for this long (RabbitMQ `x-expires`); default: kept forever. Tests use it. */
  readonly groupQueueExpiresMs?: number;
  /** Shown by the broker (`connection_name`); default `chatterroom-<pid>-<random>`. */
  readonly connectionName?: string;
}

interface ActiveSubscription {
  readonly subscription: Subscription;
  readonly handler: EventHandler;
  /** The consumer started on one session; a new session starts a new one. */
  consumer?: { readonly session: AmqpSession; readonly tag: Promise<string> };
}

/**
 * EventBus over RabbitMQ. Events go to a durable topic exchange with routing key =
 * event type, persistent, JSON, messageId = event id, on a confirm channel: publish
 * resolves on the broker's ack. A `group` is a durable queue `<exchange>.<group>` shared
 * by competing consumers; `broadcast` is an exclusive, auto-delete, server-named queue
 * per subscription. Consumers ack manually with bounded prefetch; a failed handler's
 * message is requeued once (until redelivered), then dropped. When the connection or
 * a channel dies, ReconnectingAmqpConnection reconnects with backoff and this bus
 * declares the exchange, queues, bindings and consumers of every subscription again.
 * Build it with a plain deps object (awilix `asFunction`): its optional keys are not
 * container registrations, and a strict cradle throws on unknown names.
 */
export class RabbitMqEventBus implements EventBus {
  private readonly exchange: string;
  private readonly timeoutMs: number;
  private readonly connection: ReconnectingAmqpConnection;
  private readonly subscriptions = new Set<ActiveSubscription>();
  private closing: Promise<void> | undefined;

  constructor(private readonly deps: RabbitMqEventBusDeps) {
    this.exchange = deps.exchange ?? 'chatterroom.events';
    this.timeoutMs = deps.operationTimeoutMs ?? 5_000;
    this.connection = new ReconnectingAmqpConnection({
      url: deps.amqpUrl,
      logger: deps.logger,
      connectionName: deps.connectionName ?? `chatterroom-${process.pid}-${randomUUID().slice(0, 8)}`,
      prefetch: deps.prefetch ?? 100,
      restore: (session) => this.restore(session),
    });
  }

  /** Connects now (publish and subscribe also do it); rejects with AmqpConnectionError naming the URL. */
  connect(): Promise<void> {
    return this.connection.start();
  }

  /** True while connected to the broker (false while it reconnects). */
  isConnected(): boolean {
    return this.connection.isConnected();
  }

  /** Publishes in a PRODUCER span; the message headers carry its trace context and the request id. */
  publish(event: IntegrationEvent): Promise<void> {
    return inSpan(`publish ${String(event?.type)}`, SpanKind.PRODUCER, context.active(), () => this.publishNow(event));
  }

  private async publishNow(event: IntegrationEvent): Promise<void> {
    this.assertOpen();
    if (typeof event?.id !== 'string' || event.id.length === 0) throw validationFailed('An integration event needs an id');
    const routingKey = assertPublishableType(event.type);
    const content = Buffer.from(JSON.stringify(event));
    const requestId = RequestId.current();
    const headers = { ...outgoingTraceHeaders(), ...(requestId === undefined ? {} : { 'x-request-id': requestId }) };
    const options = { persistent: true, contentType: 'application/json', messageId: event.id, type: event.type, headers };
    const target = { exchange: this.exchange, routingKey };
    const deadline = Date.now() + this.timeoutMs;
    for (;;) {
      const session = await this.connection.session(Math.max(1, deadline - Date.now()));
      try {
        await publishConfirmed(session.publishChannel, target, content, options, this.timeoutMs);
        return;
      } catch (cause) {
        // A session lost before the confirm: publish again on the next one (at least once).
        if (!session.alive && Date.now() < deadline) continue;
        const message = `RabbitMQ did not accept event ${event.id} (${event.type}): ${(cause as Error).message}`;
        throw session.alive ? new Error(message, { cause }) : new AmqpConnectionError(message, { cause });
      }
    }
  }

  async subscribe(subscription: Subscription, handler: EventHandler): Promise<void> {
    assertValidSubscription(subscription);
    this.assertOpen();
    const active: ActiveSubscription = { subscription, handler };
    this.subscriptions.add(active);
    try {
      await this.connection.start();
      const deadline = Date.now() + this.timeoutMs;
      for (;;) {
        const session = await this.connection.session(Math.max(1, deadline - Date.now()));
        try {
          await this.startConsumer(session, active);
          return;
        } catch (error) {
          if (session.alive || Date.now() >= deadline) throw error;
        }
      }
    } catch (error) {
      this.subscriptions.delete(active);
      throw error;
    }
  }

  close(): Promise<void> {
    this.closing ??= this.shutDown();
    return this.closing;
  }

  private async shutDown(): Promise<void> {
    const consumers = [...this.subscriptions].map((active) => active.consumer);
    this.subscriptions.clear();
    for (const consumer of consumers) {
      if (!consumer?.session.alive) continue;
      const tag = await consumer.tag.catch(() => undefined);
      if (tag && consumer.session.alive) await consumer.session.consumeChannel.cancel(tag).catch(() => undefined);
    }
    await this.connection.close();
  }

  private assertOpen(): void {
    if (this.closing) throw new Error('The event bus is closed');
  }

  private async restore(session: AmqpSession): Promise<void> {
    await session.publishChannel.assertExchange(this.exchange, 'topic', { durable: true });
    for (const active of this.subscriptions) {
      const resumed = active.consumer !== undefined && active.consumer.session !== session;
      await this.startConsumer(session, active);
      if (resumed) this.notifyResumed(active);
    }
  }

  private notifyResumed({ subscription }: ActiveSubscription): void {
    try {
      subscription.onResumed?.();
    } catch (error) {
      this.deps.logger.error({ err: error }, 'an onResumed callback failed');
    }
  }

  /** Declares the subscription's queue and bindings and starts its consumer, once per session. */
  private startConsumer(session: AmqpSession, active: ActiveSubscription): Promise<string> {
    if (active.consumer?.session === session) return active.consumer.tag;
    const tag = this.declareAndConsume(session, active);
    active.consumer = { session, tag };
    return tag;
  }

  private async declareAndConsume(session: AmqpSession, { subscription, handler }: ActiveSubscription): Promise<string> {
    const channel = session.consumeChannel;
    const { delivery } = subscription;
    const expires = this.deps.groupQueueExpiresMs;
    const { queue } =
      delivery.mode === 'group'
        ? await channel.assertQueue(groupQueueName(this.exchange, delivery.group), {
            durable: true,
            ...(expires === undefined ? {} : { arguments: { 'x-expires': expires } }),
          })
        : await channel.assertQueue('', { exclusive: true, autoDelete: true, durable: false });
    for (const type of new Set(subscription.types)) await channel.bindQueue(queue, this.exchange, bindingKeyFor(type));
    return consumeEvents({
      session,
      queue,
      handler,
      logger: this.deps.logger,
      isOpen: () => this.closing === undefined,
      onCancelled: () => this.connection.fail(session, `the broker cancelled the consumer of ${queue}`),
    });
  }
}
