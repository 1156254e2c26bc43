/** A chat event to record: what it is, who may see it, and when it happened. */
export interface ChatEventDraft {
  /** Unique per event (a UUID): recording the same id again changes nothing. */
  readonly id: string;
  readonly type: string;
  /** ISO-8601. */
  readonly occurredAt: string;
  readonly payload: unknown;
  /** The userIds who may see it, each once: readers find their events by it. */
  readonly audience: readonly number[];
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
 * user's events after a position. One document (row) per event, whatever its audience size.
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

  /** Marks events published (unknown ids are ignored). Idempotent. */
  markPublished(ids: readonly string[]): Promise<void>;

  /**
   * Events whose audience holds `userId`, with a position above `after`, in position order, at most
   * `limit`. Every event recorded before the call (and whose change is stored) is given its
   * position first, so a reader sees every change acknowledged before it asked.
   */
  readFor(userId: number, after: number, limit: number): Promise<LoggedChatEvent[]>;

  /** The highest position given so far; 0 when the log is empty. */
  lastPosition(): Promise<number>;

  /** The lowest position still kept; null when nothing is kept. */
  firstPosition(): Promise<number | null>;

  /** Deletes the published events that occurred before `before`, returning how many. Never deletes the newest event. */
  prune(before: Date): Promise<number>;
}
