import type { ChatFeed, FeedPage } from '@chatterroom/chat/contracts';
import { CallerCredential, type IntegrationEvent } from '@chatterroom/kernel';

/** Events asked for per page while replaying. */
const REPLAY_PAGE = 200;

export interface FeedReplayDeps {
  readonly chatFeed: ChatFeed;
  readonly userId: number;
  /** The token the feed calls forward (the split deployment's chat service checks it). */
  readonly token: string | undefined;
}

/** What a subscription's topic carries: each payload names the chat event it came from. */
export interface ReplayablePayload {
  readonly eventId: string;
}

/**
 * A subscription resumed from `since` (a cursor of `ready`, a pushed event or `/sync`, exactly as
 * `/ws/chat?since=`): the payloads (`payloadOf`, undefined for events the subscription does not
 * carry) of the user's events after it, in order, then the live ones, each once. The cursor is
 * checked before anything is subscribed, so a bad or expired one is the subscription's error
 * (SYNC_CURSOR_INVALID, SYNC_CURSOR_EXPIRED: reload, then subscribe from a fresh cursor); the live
 * feed (`follow`) is subscribed before the replay reads, so nothing falls between the two, and
 * live payloads the replay already gave (same event id) are dropped.
 */
export const replayThenLive = async <T extends ReplayablePayload>(
  deps: FeedReplayDeps,
  since: string,
  follow: () => Promise<AsyncIterable<T>>,
  payloadOf: (event: IntegrationEvent) => T | undefined,
): Promise<AsyncIterable<T>> => {
  const read = (cursor: string, limit = REPLAY_PAGE): Promise<FeedPage> =>
    CallerCredential.run(deps.token, () => deps.chatFeed.eventsSince({ userId: deps.userId, since: cursor, limit }));
  await read(since, 1);
  return replayed(since, read, await follow(), payloadOf);
};

async function* replayed<T extends ReplayablePayload>(
  since: string,
  read: (cursor: string) => Promise<FeedPage>,
  live: AsyncIterable<T>,
  payloadOf: (event: IntegrationEvent) => T | undefined,
): AsyncGenerator<T> {
  const replayedIds = new Set<string>();
  for (let page = await read(since); ; page = await read(page.cursor)) {
    for (const event of page.events) {
      const payload = payloadOf(event);
      replayedIds.add(event.id);
      if (payload !== undefined) yield payload;
    }
    if (!page.hasMore) break;
  }
  for await (const payload of live) if (!replayedIds.has(payload.eventId)) yield payload;
}
