import { FEED_MAX_LIMIT, type ChatFeed } from '@chatterroom/chat/contracts';
import { optionalQueryPageLimit } from '@chatterroom/kernel';
import { pushOf } from '../ws/event-pushes';
import type { ServerFrame } from '../ws/server-frames';

export interface SyncPage {
  readonly events: ServerFrame[];
  readonly cursor: string;
  readonly hasMore: boolean;
}


/**
 * The caller's events after `since` as the frames /ws/chat pushes (each with its cursor); without
 * `since`, the current cursor and no events. Events clients do not see are skipped, the cursor
 * still moving past them.
 * @throws DomainError SYNC_CURSOR_INVALID (400), SYNC_CURSOR_EXPIRED (410), VALIDATION_FAILED (a bad limit)
 */
export const syncEvents = async (deps: { chatFeed: ChatFeed }, callerId: number, query: { since?: string; limit?: string }): Promise<SyncPage> => {
  const limit = optionalQueryPageLimit(query.limit, FEED_MAX_LIMIT);
  if (query.since === undefined) return { events: [], cursor: await deps.chatFeed.currentCursor({ userId: callerId }), hasMore: false };
  const page = await deps.chatFeed.eventsSince({ userId: callerId, since: query.since, ...(limit === undefined ? {} : { limit }) });
  const events = page.events.flatMap((event) => {
    const push = pushOf(event);
    return push === undefined ? [] : [push.frame];
  });
  return { events, cursor: page.cursor, hasMore: page.hasMore };
};
