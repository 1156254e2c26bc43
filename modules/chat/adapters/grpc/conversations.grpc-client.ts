import type { GrpcUnaryClient } from '@chatterroom/platform/grpc';
import type { ConversationPage, Conversations, ListConversationsInput, MarkReadInput, ReadMarkerState } from '../../contracts';
import type { GrpcChatClientDeps } from './chat.grpc-client';
import { chatServiceChannel } from './chat-service-channel';
import { conversationPageOf, listConversationsRequestOf, markReadRequestOf, readMarkerStateOf } from './conversations.grpc-mapping';
import type { ListConversationsResponseMessage, MarkReadResponseMessage } from './conversations.grpc-messages';

/**
 * {@link Conversations} answered by the remote chat service over gRPC (ListConversations,
 * MarkRead), on a channel of its own to the same address. Both calls are safe to repeat (a
 * read, and a marker that only moves forward), so both are retried while the service is
 * unreachable. Errors come back as the service's own DomainErrors.
 */
export class GrpcConversationsClient implements Conversations {
  private readonly client: GrpcUnaryClient;

  constructor(deps: GrpcChatClientDeps) {
    this.client = chatServiceChannel(deps);
  }

  async listConversations(input: ListConversationsInput): Promise<ConversationPage> {
    const request = listConversationsRequestOf(input);
    return conversationPageOf(await this.client.call<ListConversationsResponseMessage>('ListConversations', request, { retryable: true }));
  }

  async markRead(input: MarkReadInput): Promise<ReadMarkerState> {
    const request = markReadRequestOf(input);
    return readMarkerStateOf(await this.client.call<MarkReadResponseMessage>('MarkRead', request, { retryable: true }));
  }

  /** Closes the channel. */
  async close(): Promise<void> {
    this.client.close();
  }
}
