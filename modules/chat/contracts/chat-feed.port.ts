import type { IntegrationEvent } from '@chatterroom/kernel';

/** A chat event as a user receives it: the published event, with its `cursor` always set. */
export type FeedEvent = IntegrationEvent & { readonly cursor: string };

/** Where a user's feed stands: an opaque cursor naming a point of the chat event log. */
export interface FeedCursorInput {
  readonly userId: number;
}

export interface FeedSinceInput {
  readonly userId: number;
  /** A cursor from `currentCursor`, a feed page or a pushed event. */
  readonly since: string;
  /** 1-{@link FEED_MAX_LIMIT}; default {@link FEED_DEFAULT_LIMIT}. */
  readonly limit?: number;
}

export interface FeedPage {
  /** The user's events after `since`, oldest first. */
  readonly events: FeedEvent[];
  /** Where the next call starts: the last event's cursor, or `since` when there was none. */
  readonly cursor: string;
  /** True when more events follow: call again with `cursor`. */
  readonly hasMore: boolean;
}

export const FEED_DEFAULT_LIMIT = 100;
export const FEED_MAX_LIMIT = 500;

/**
 * Inbound port: a user's chat events in order, for clients that resume after a
 * disconnect (WebSocket `?since=`) or poll (`GET /sync`). Every event a user may see —
 * messages, membership and room changes, their own read markers — is in it exactly once,
 * with the audience recorded when it happened (a room left earlier is not in it).
 */
export interface ChatFeed {
  /** The cursor of "now" for this user: events after it are new to them. Never throws for a valid userId. */
  currentCursor(input: FeedCursorInput): Promise<string>;

  /**
   * The user's events after `since`, at most `limit`, oldest first.
   * @throws DomainError SYNC_CURSOR_INVALID (invalid) when `since` is not a cursor
   * @throws DomainError SYNC_CURSOR_EXPIRED (gone) when events after it may have been pruned
   *   (older than the retention): the client must reload its conversations instead
   */
  eventsSince(input: FeedSinceInput): Promise<FeedPage>;
}
