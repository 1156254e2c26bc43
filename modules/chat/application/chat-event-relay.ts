import type { EventBus, IntegrationEvent, Logger } from '@chatterroom/kernel';
import type { ChatEventLog, LoggedChatEvent, RelayLeadership, RoomMembership } from '../ports';
import { encodeFeedCursor } from '../domain/feed-cursor';
import type { EventRecordedSignal } from './announce';
import { batchAudiences, RecentMemberships } from './batch-audiences';

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
  /** Whose room events are published to whom: each room's members, read once per batch. */
  readonly roomMembership: Pick<RoomMembership, 'members'>;
  /** Whether this process relays now, or stands by while another process sharing the log does. */
  readonly relayLeadership: RelayLeadership;
  readonly logger: Logger;
  /** Published events older than this are pruned; cursors older than it are expired (CHAT_EVENT_RETENTION_SECONDS). */
  readonly chatEventRetentionMs: number;
}

/**
 * The integration event a logged chat event is published (or replayed) as: its id, type, time,
 * cursor, and its payload with the `audience` it goes to (the log stores none for room events).
 */
export const integrationEventOf = (event: LoggedChatEvent, audience: readonly number[]): IntegrationEvent & { cursor: string } => ({
  id: event.id,
  type: event.type,
  occurredAt: event.occurredAt,
  payload: typeof event.payload === 'object' && event.payload !== null ? { ...event.payload, audience } : event.payload,
  cursor: encodeFeedCursor({ position: event.position, at: Date.parse(event.occurredAt) }),
});

/** What the relay publishes: the event as {@link integrationEventOf} gives it, with its origin, so it is published in its request's trace. */
const publishedEventOf = (event: LoggedChatEvent, audience: readonly number[]): IntegrationEvent => {
  const published = integrationEventOf(event, audience);
  return event.origin === undefined ? published : { ...published, origin: event.origin };
};

/**
 * The outbox relay: publishes the chat event log's unpublished events on the event bus in
 * position order (so in order per conversation), then marks them published. Kicked after
 * each recorded event; also polls, so events of a process that died are published by the
 * next one to run. Each event goes out with its audience: the users it names and, for a room
 * event, the room's members of its moment ({@link batchAudiences}: one read per room per batch).
 * While the bus refuses (a broker outage), it retries with backoff; writers
 * are never held up, since recording is all a change waits for. Consumers de-duplicate by
 * event id: an event published before a crash could mark it is published again.
 * Of the processes sharing one log (chat-service replicas), one relays ({@link RelayLeadership});
 * the others stand by, nudge it when they record events, and take over when its lease lapses.
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
  private readonly recent = new RecentMemberships();
  /** Events were recorded here since the last run: a standby nudges the leader about them. */
  private recordedHere = false;
  private leading = false;

  constructor(private readonly deps: ChatEventRelayDeps) {}

  /** Publishes what is pending now and keeps polling until {@link stop}. */
  start(): void {
    if (this.started || this.stopped) return;
    this.started = true;
    this.deps.relayLeadership.onNudge(() => this.lookForOthers()).catch((error: unknown) => {
      this.deps.logger.warn({ err: error }, 'chat event relay: not listening for nudges; other processes\' events wait for its poll');
    });
    this.run();
  }

  /** A run that looks for the events other processes recorded too (a nudge, the poll). */
  private lookForOthers(): void {
    this.deps.chatEventLog.othersMayHaveRecorded();
    this.run();
  }

  /** Called after each event recorded by this process. */
  kick(): void {
    this.recordedHere = true;
    this.run();
  }

  /** True while this process's relay publishes the log (the last answer of its {@link RelayLeadership}). */
  isLeading(): boolean {
    return this.leading;
  }

  private run(): void {
    if (this.stopped) return;
    if (this.running !== undefined) {
      this.again = true;
      return;
    }
    this.running = this.runUntilIdle().finally(() => {
      this.running = undefined;
      if (this.again && !this.stopped) this.run();
    });
  }

  /** Publishes everything pending now (tests, shutdown); rejects when the bus refuses. */
  async flush(): Promise<void> {
    await this.running;
    this.deps.chatEventLog.othersMayHaveRecorded();
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
    const closing = this.deps.relayLeadership.close();
    await this.running;
    this.leading = false;
    await closing;
  }

  private async runUntilIdle(): Promise<void> {
    this.again = false;
    if (this.timer !== undefined) clearTimeout(this.timer);
    const recordedHere = this.recordedHere;
    this.recordedHere = false;
    let delay = POLL_MS;
    try {
      this.leading = await this.deps.relayLeadership.leads();
      if (!this.leading) {
        this.oldestPendingAt = undefined;
        if (recordedHere) this.deps.relayLeadership.nudgeLeader();
      }
      while (this.leading && !this.stopped && (await this.publishBatch()) > 0);
      this.retryMs = RETRY_MIN_MS;
      if (this.leading) await this.pruneNowAndThen();
    } catch (error) {
      this.deps.logger.warn({ err: error }, 'chat event relay: could not publish; retrying');
      delay = this.retryMs;
      this.retryMs = Math.min(this.retryMs * 2, RETRY_MAX_MS);
      this.again = false;
    }
    if (this.started && !this.stopped) {
      this.timer = setTimeout(() => this.lookForOthers(), delay);
      this.timer.unref();
    }
  }

  /** Publishes one batch in order (one channel keeps it) and marks it; returns its size. */
  private async publishBatch(): Promise<number> {
    const batch = await this.deps.chatEventLog.nextToPublish(BATCH);
    this.oldestPendingAt = batch.length === 0 ? undefined : Date.parse(batch[0]!.occurredAt);
    if (batch.length === 0) return 0;
    const audiences = await batchAudiences(batch, (roomId) => this.deps.roomMembership.members(roomId), this.recent);
    await Promise.all(batch.map((event, index) => this.deps.eventBus.publish(publishedEventOf(event, audiences[index] as number[]))));
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
