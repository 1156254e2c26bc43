import type { TraceOrigin } from '@chatterroom/kernel';
/** How a room event changes who is in its room: the users it names join it, or leave it. */
export type MembershipChange = 'joins' | 'leaves';

/**
 * A chat event to record: what it is, who may see it, and when it happened. A user event (a
 * private message, a read marker) names its whole audience. A room event names its `roomId`
 * and only the users it is about (the one added, removed, who joined or left; every member of
 * a deleted room): it is also for whoever is a member of the room at its position, and those
 * members are never stored with it, so its size does not grow with the room's.
 */
export interface ChatEventDraft {
  /** Unique per event (a UUID): recording the same id again changes nothing. */
  readonly id: string;
  readonly type: string;
  /** ISO-8601. */
  readonly occurredAt: string;
  /** Without an `audience`: the relay adds it when it publishes, the feed when it replays. */
  readonly payload: unknown;
  /** The userIds the event names, each once, ascending: readers find these events by it. */
  readonly audience: readonly number[];
  /** A room event: for the room's members at the event's position too. */
  readonly roomId?: number;
  /** A room event that changes who is in the room: the named users join it, or leave it, with this event. */
  readonly membership?: MembershipChange;
  /** The trace headers of the request that made the change: the relay publishes the event in that trace (see IntegrationEvent.origin). */
  readonly origin?: TraceOrigin;
}

/** A recorded event with its place in the log. */
export interface LoggedChatEvent extends ChatEventDraft {
  /** 1, 2, 3...: the log's total order; a reader never sees a position before a lower one. */
  readonly position: number;
}

/**
 * Outbound port: the chat module's append-only event log, which is also its outbox. An event
 * is recorded in the same atomic write as the change it announces (or right after it); a relay
 * then publishes what is not yet published, in position order, and marks it. Readers replay a
 * user's events after a position. One document (row) per event of a constant size for a room
 * event, whatever the room's size: members are never stored with it.
 */
export interface ChatEventLog {
  /**
   * Records an event, not yet published. Resolves once it is durable. Idempotent by `id`.
   * Its position may be given later, by {@link nextToPublish}, but before anyone can read it.
   */
  record(event: ChatEventDraft): Promise<void>;

  /**
   * The oldest events not yet marked published, in position order, at most `limit`; positions
   * are first given (durably) to recorded events that have none yet, in the order they were
   * recorded. Returns the same events again until they are marked. Safe to call from several
   * processes at once: an event gets one position.
   */
  nextToPublish(limit: number): Promise<LoggedChatEvent[]>;

  /**
   * Tells the log that another process sharing it may have recorded events since this process
   * last looked (a nudge from it, or the relay's poll): the next {@link nextToPublish} looks for
   * them too, not only for the events this process recorded. Without it they may be found only
   * later (the MongoDB log also looks at least once a second). Synchronous, never throws; a log
   * with one writer ignores it.
   */
  othersMayHaveRecorded(): void;

  /** Marks events published (unknown ids are ignored). Idempotent. */
  markPublished(ids: readonly string[]): Promise<void>;

  /**
   * The events `userId` may see with a position above `after`, in position order, at most `limit`:
   * those whose `audience` names them, and the room events of the rooms they were a member of at
   * the event's position. Membership is known from the room events with a `membership` that name
   * them (they joined or left there) and, for a room with no such event after a position, from
   * `rooms`: the rooms they are a member of now, read before the call. Every event recorded
   * before the call (and whose change is stored) is given its position first, so a reader sees
   * every change acknowledged before it asked. Never throws for an unknown user (empty).
   */
  readFor(userId: number, after: number, limit: number, rooms: readonly number[]): Promise<LoggedChatEvent[]>;

  /**
   * The highest position given so far; 0 when the log is empty. Every event recorded before the
   * call is given its position first, so a cursor of now lies after every acknowledged change.
   */
  lastPosition(): Promise<number>;

  /** The lowest position still kept; null when nothing is kept. */
  firstPosition(): Promise<number | null>;

  /** Deletes the published events that occurred before `before`, returning how many. Never deletes the newest event. */
  prune(before: Date): Promise<number>;
}
