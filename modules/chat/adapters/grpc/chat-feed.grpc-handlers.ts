import { presentField } from '@chatterroom/platform/grpc';
import type { ChatFeed } from '../../contracts';
import { feedEventMessageOf } from './chat.grpc-mapping';
import type { FeedCursorRequestMessage, FeedCursorResponseMessage, FeedEventsRequestMessage, FeedEventsResponseMessage } from './chat.grpc-messages';

/** The feed RPCs of ChatService (GetFeedCursor, GetFeedEvents): one port call each. */
export const chatFeedGrpcHandlers = (chatFeed: ChatFeed) => ({
  GetFeedCursor: async ({ userId }: FeedCursorRequestMessage): Promise<FeedCursorResponseMessage> => ({
    cursor: await chatFeed.currentCursor({ userId }),
  }),
  GetFeedEvents: async (request: FeedEventsRequestMessage): Promise<FeedEventsResponseMessage> => {
    const page = await chatFeed.eventsSince({ userId: request.userId, since: request.since, ...presentField('limit', request.limit) });
    return { ...page, events: page.events.map(feedEventMessageOf) };
  },
});
