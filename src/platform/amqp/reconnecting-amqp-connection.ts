import { connect, type Channel, type ChannelModel, type ConfirmChannel } from 'amqplib';
import type { Logger } from '@chatterroom/kernel';
import { AmqpConnectionError, connectionFailedMessage, redactAmqpUrl } from './amqp-url';
import { reconnectDelayMs } from './reconnect-backoff';
import { brokerReconnects } from '../metrics/broker-metrics';
import { ConsumeAcks } from './consume-acks';

/** One live connection with a confirm channel for publishing and a channel for consuming. */
export interface AmqpSession {
  readonly model: ChannelModel;
  readonly publishChannel: ConfirmChannel;
  readonly consumeChannel: Channel;
  /** Settles the consume channel's deliveries (acks batched per turn of the event loop). */
  readonly consumeAcks: ConsumeAcks;
  /** False once any part of the session closed or failed; a new session replaces it. */
  readonly alive: boolean;
}

interface MutableSession extends AmqpSession {
  alive: boolean;
}

export interface ReconnectingAmqpConnectionDeps {
  readonly url: string;
  readonly logger: Logger;
  readonly connectionName: string;
  /** Per-consumer prefetch of the consume channel. */
  readonly prefetch: number;
  /** Declares topology and consumers on a new session, before anyone else may use it. */
  readonly restore: (session: AmqpSession) => Promise<void>;
}

const CONNECT_TIMEOUT_MS = 5_000;
const DISPOSE_TIMEOUT_MS = 2_000;

/**
 * Keeps one AMQP connection alive: any 'close' or 'error' of the connection or of its
 * channels ends the session, then new sessions are tried with capped backoff until one
 * opens and `restore` succeeds on it. Only the first connection fails loudly (with a
 * clear message); later losses are logged and retried until `close()`.
 */
export class ReconnectingAmqpConnection {
  private current: MutableSession | undefined;
  private started: Promise<void> | undefined;
  private opening: Promise<MutableSession> | undefined;
  private retryTimer: NodeJS.Timeout | undefined;
  private failures = 0;
  private closed = false;
  private readonly waiters = new Set<{ resolve: (session: AmqpSession) => void; reject: (error: Error) => void }>();

  constructor(private readonly deps: ReconnectingAmqpConnectionDeps) {}

  /** The first connection: rejects with an AmqpConnectionError naming the URL (retried on the next call). */
  start(): Promise<void> {
    if (this.closed) return Promise.reject(new Error('The AMQP connection is closed'));
    this.started ??= this.open().then(
      (session) => this.becomeReady(session),
      (cause: unknown) => {
        this.started = undefined;
        throw new AmqpConnectionError(connectionFailedMessage(this.deps.url, cause), { cause });
      },
    );
    return this.started;
  }

  /** The live session, waiting up to `timeoutMs` for a reconnection. */
  async session(timeoutMs: number): Promise<AmqpSession> {
    await this.start();
    if (this.current?.alive) return this.current;
    if (this.closed) throw new Error('The AMQP connection is closed');
    return new Promise<AmqpSession>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiters.delete(waiter);
        const where = redactAmqpUrl(this.deps.url);
        reject(new AmqpConnectionError(`RabbitMQ at ${where} is unavailable: not reconnected within ${timeoutMs} ms`));
      }, timeoutMs);
      const waiter = {
        resolve: (session: AmqpSession) => (clearTimeout(timer), resolve(session)),
        reject: (error: Error) => (clearTimeout(timer), reject(error)),
      };
      this.waiters.add(waiter);
    });
  }

  /** True while a live session exists (false while reconnecting, and after close). */
  isConnected(): boolean {
    return !this.closed && this.current?.alive === true;
  }

  /** Ends `session` (when it is still the live one) and reconnects: for consumers the broker cancelled. */
  fail(session: AmqpSession, reason: string): void {
    this.lost(session as MutableSession, reason);
  }

  async close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.retryTimer);
    for (const waiter of this.waiters) waiter.reject(new Error('The AMQP connection is closed'));
    this.waiters.clear();
    await this.opening?.then((opened) => this.dispose(opened), () => undefined);
    const session = this.current;
    this.current = undefined;
    if (session) await this.dispose(session);
  }

  private open(): Promise<MutableSession> {
    const opening = this.openSession();
    this.opening = opening;
    return opening;
  }

  private async openSession(): Promise<MutableSession> {
    const { url, connectionName, prefetch, logger } = this.deps;
    const model = await connect(url, { clientProperties: { connection_name: connectionName }, timeout: CONNECT_TIMEOUT_MS });
    const session: MutableSession = { model, alive: true } as MutableSession;
    model.on('error', (error: unknown) => logger.warn({ err: error }, 'RabbitMQ connection error'));
    model.on('close', () => this.lost(session, 'connection closed'));
    model.on('blocked', (reason: unknown) => logger.warn({ reason }, 'RabbitMQ blocked the connection'));
    try {
      const publishChannel = await model.createConfirmChannel();
      this.watch(session, publishChannel, 'publish channel');
      const consumeChannel = await model.createChannel();
      this.watch(session, consumeChannel, 'consume channel');
      await consumeChannel.prefetch(prefetch);
      const consumeAcks = new ConsumeAcks(consumeChannel, () => session.alive, (error) => logger.debug({ err: error }, 'Could not settle a message on a closing channel'));
      Object.assign(session, { publishChannel, consumeChannel, consumeAcks });
      await this.deps.restore(session);
      if (!session.alive) throw new Error('The connection closed while it was being set up');
      return session;
    } catch (error) {
      await this.dispose(session);
      throw error;
    }
  }

  private watch(session: MutableSession, channel: Channel, name: string): void {
    channel.on('error', (error: unknown) => this.deps.logger.warn({ err: error }, `RabbitMQ ${name} error`));
    channel.on('close', () => this.lost(session, `${name} closed`));
  }

  private becomeReady(session: MutableSession): void {
    if (this.closed) {
      void this.dispose(session);
      return;
    }
    this.current = session;
    this.failures = 0;
    for (const waiter of this.waiters) waiter.resolve(session);
    this.waiters.clear();
  }

  private lost(session: MutableSession, reason: string): void {
    if (!session.alive) return;
    session.alive = false;
    if (this.current !== session || this.closed) return;
    this.current = undefined;
    this.deps.logger.warn({ reason }, 'RabbitMQ session lost; reconnecting');
    void this.dispose(session);
    this.scheduleReconnect();
  }

  private scheduleReconnect(): void {
    if (this.closed) return;
    const delay = reconnectDelayMs(this.failures);
    this.retryTimer = setTimeout(() => {
      this.open().then(
        (session) => {
          this.deps.logger.info({ url: redactAmqpUrl(this.deps.url) }, 'RabbitMQ reconnected');
          brokerReconnects.inc();
          this.becomeReady(session);
        },
        (error: unknown) => {
          this.failures += 1;
          this.deps.logger.warn({ err: error, failures: this.failures }, 'RabbitMQ reconnection failed; retrying');
          this.scheduleReconnect();
        },
      );
    }, delay);
    this.retryTimer.unref();
  }

  /** Sends the acks given so far, then closes the session's connection; bounded, because a dead peer may never answer. */
  private async dispose(session: MutableSession): Promise<void> {
    if (session.alive) session.consumeAcks?.flush();
    session.alive = false;
    let timer: NodeJS.Timeout | undefined;
    const bound = new Promise<void>((resolve) => (timer = setTimeout(resolve, DISPOSE_TIMEOUT_MS)));
    await Promise.race([session.model.close().catch(() => undefined), bound]);
    clearTimeout(timer);
  }
}
