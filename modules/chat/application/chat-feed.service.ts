import { optionalPageLimit, requirePositiveInt32, type Clock } from '@chatterroom/kernel';
import { ChatErrors, FEED_DEFAULT_LIMIT, FEED_MAX_LIMIT } from '../contracts';
import type { ChatFeed, FeedCursorInput, FeedPage, FeedSinceInput } from '../contracts';
import type { ChatEventLog } from '../ports';
import { decodeFeedCursor, encodeFeedCursor } from '../domain/feed-cursor';
import { requireInputObject } from '../domain/input-object';
import { integrationEventOf } from './chat-event-relay';

export interface ChatFeedServiceDeps {
  readonly chatEventLog: ChatEventLog;
  readonly clock: Clock;
  /** How long events are kept (CHAT_EVENT_RETENTION_SECONDS): an older cursor is expired. */
  readonly chatEventRetentionMs: number;
}

/**
 * The in-process {@link ChatFeed}: a user's events from the chat event log, found by the
 * audience recorded with each event. A cursor is expired when it is older than the retention,
 * or when events after it were already pruned: the client is told to reload, never given a
 * partial replay.
 */
export class ChatFeedService implements ChatFeed {
  constructor(private readonly deps: ChatFeedServiceDeps) {}

  async currentCursor(input: FeedCursorInput): Promise<string> {
    requireInputObject(input);
    requirePositiveInt32(input.userId, 'userId');
    return encodeFeedCursor({ position: await this.deps.chatEventLog.lastPosition(), at: this.deps.clock.now().getTime() });
  }

  async eventsSince(input: FeedSinceInput): Promise<FeedPage> {
    requireInputObject(input);
    const userId = requirePositiveInt32(input.userId, 'userId');
    const limit = optionalPageLimit(input.limit, FEED_MAX_LIMIT, FEED_DEFAULT_LIMIT);
    const since = decodeFeedCursor(input.since);
    const now = this.deps.clock.now().getTime();
    if (since.at < now - this.deps.chatEventRetentionMs) throw ChatErrors.cursorExpired();
    const first = await this.deps.chatEventLog.firstPosition();
    if (first !== null && since.position < first - 1) throw ChatErrors.cursorExpired();
    const found = await this.deps.chatEventLog.readFor(userId, since.position, limit + 1);
    const events = found.slice(0, limit).map(integrationEventOf);
    return { events, cursor: events.at(-1)?.cursor ?? input.since, hasMore: found.length > limit };
  }
}
