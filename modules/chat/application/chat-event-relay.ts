import type { EventBus, IntegrationEvent, Logger } from '@chatterroom/kernel';
import type { ChatEventLog, LoggedChatEvent } from '../ports';
import { encodeFeedCursor } from '../domain/feed-cursor';
import type { EventRecordedSignal } from './announce';

/** Events published per step. */
const BATCH = 200;
/** How often the log is looked at without a kick: events recorded by another process, or left by a crash. */
const POLL_MS = 1_000;
/** Waits after a failed publish: 0.5 s, doubling up to 5 s. */
const RETRY_MIN_MS = 500;
const RETRY_MAX_MS = 5_000;
/** How often published events older than the retention are deleted. */
const PRUNE_EVERY_MS = 10 * 60_000;

export interface ChatEventRelayDeps {
  readonly chatEventLog: ChatEventLog;
  readonly eventBus: EventBus;
  readonly logger: Logger;
  /** Published events older than this are pruned; cursors older than it are expired (CHAT_EVENT_RETENTION_SECONDS). */
  readonly chatEventRetentionMs: number;
}

/** The integration event a logged chat event is published as: its id, type, time, payload and cursor. */
export const integrationEventOf = (event: LoggedChatEvent): IntegrationEvent & { cursor: string } => ({
  id: event.id,
  type: event.type,
  occurredAt: event.occurredAt,
  payload: event.payload,
  cursor: encodeFeedCursor({ position: event.position, at: Date.parse(event.occurredAt) }),
});

/**
 * The outbox relay: publishes the chat event log's unpublished events on the event bus in
 * position order (so in order per conversation), then marks them published. Kicked after
 * each recorded event; also polls, so events of a process that died are published by the
 * next one to run. While the bus refuses (a broker outage), it retries with backoff; writers
 * are never held up, since recording is all a change waits for. Consumers de-duplicate by
 * event id: an event published before a crash could mark it is published again.
 */
export class ChatEventRelay implements EventRecordedSignal {
  private running: Promise<void> | undefined;
  private again = false;
  private timer: NodeJS.Timeout | undefined;
  private retryMs = RETRY_MIN_MS;
  private lastPrune = 0;
  private started = false;
  private stopped = false;
  private oldestPendingAt: number | undefined;

  constructor(private readonly deps: ChatEventRelayDeps) {}

  /** Publishes what is pending now and keeps polling until {@link stop}. */
  start(): void {
    if (this.started || this.stopped) return;
    this.started = true;
    this.kick();
  }

  kick(): void {
    if (this.stopped) return;
    if (this.running !== undefined) {
      this.again = true;
      return;
    }
    this.running = this.runUntilIdle().finally(() => {
      this.running = undefined;
      if (this.again && !this.stopped) this.kick();
    });
  }

  /** Publishes everything pending now (tests, shutdown); rejects when the bus refuses. */
  async flush(): Promise<void> {
    await this.running;
    while ((await this.publishBatch()) > 0);
  }

  /**
   * When the oldest event this relay last found pending was recorded (epoch ms), while it is not
   * yet published; undefined when the log had nothing pending at the last look. Its age is the
   * outbox lag: it grows while the bus refuses.
   */
  pendingSince(): number | undefined {
    return this.oldestPendingAt;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer !== undefined) clearTimeout(this.timer);
    await this.running;
  }

  private async runUntilIdle(): Promise<void> {
    this.again = false;
    if (this.timer !== undefined) clearTimeout(this.timer);
    let delay = POLL_MS;
    try {
      while (!this.stopped && (await this.publishBatch()) > 0);
      this.retryMs = RETRY_MIN_MS;
      await this.pruneNowAndThen();
    } catch (error) {
      this.deps.logger.warn({ err: error }, 'chat event relay: could not publish; retrying');
      delay = this.retryMs;
      this.retryMs = Math.min(this.retryMs * 2, RETRY_MAX_MS);
      this.again = false;
    }
    if (this.started && !this.stopped) {
      this.timer = setTimeout(() => this.kick(), delay);
      this.timer.unref();
    }
  }

  /** Publishes one batch in order (one channel keeps it) and marks it; returns its size. */
  private async publishBatch(): Promise<number> {
    const batch = await this.deps.chatEventLog.nextToPublish(BATCH);
    this.oldestPendingAt = batch.length === 0 ? undefined : Date.parse(batch[0]!.occurredAt);
    if (batch.length === 0) return 0;
    await Promise.all(batch.map((event) => this.deps.eventBus.publish(integrationEventOf(event))));
    await this.deps.chatEventLog.markPublished(batch.map((event) => event.id));
    return batch.length;
  }

  private async pruneNowAndThen(): Promise<void> {
    const now = Date.now();
    if (now - this.lastPrune < PRUNE_EVERY_MS) return;
    this.lastPrune = now;
    const pruned = await this.deps.chatEventLog.prune(new Date(now - this.deps.chatEventRetentionMs));
    if (pruned > 0) this.deps.logger.info({ pruned }, 'chat event log: pruned events older than the retention');
  }
}
