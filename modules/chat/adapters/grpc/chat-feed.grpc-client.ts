import { wireInput, wireInt32, type GrpcUnaryClient } from '@chatterroom/platform/grpc';
import type { ChatFeed, FeedCursorInput, FeedPage, FeedSinceInput } from '../../contracts';
import type { GrpcChatClientDeps } from './chat.grpc-client';
import { chatServiceChannel } from './chat-service-channel';
import { feedEventsRequestOf, feedPageOf } from './chat.grpc-mapping';
import type { FeedCursorResponseMessage, FeedEventsResponseMessage } from './chat.grpc-messages';

/**
 * {@link ChatFeed} answered by the remote chat service over gRPC (GetFeedCursor, GetFeedEvents),
 * on a channel of its own to the same address. Both are reads, retried while the service is
 * unreachable. Errors come back as the service's own DomainErrors (SYNC_CURSOR_EXPIRED...).
 */
export class GrpcChatFeedClient implements ChatFeed {
  private readonly client: GrpcUnaryClient;

  constructor(deps: GrpcChatClientDeps) {
    this.client = chatServiceChannel(deps);
  }

  async currentCursor(input: FeedCursorInput): Promise<string> {
    const request = { userId: wireInt32(wireInput(input).userId, 'userId') };
    return (await this.client.call<FeedCursorResponseMessage>('GetFeedCursor', request, { retryable: true })).cursor;
  }

  async eventsSince(input: FeedSinceInput): Promise<FeedPage> {
    return feedPageOf(await this.client.call<FeedEventsResponseMessage>('GetFeedEvents', feedEventsRequestOf(input), { retryable: true }));
  }

  /** Closes the channel. */
  async close(): Promise<void> {
    this.client.close();
  }
}
