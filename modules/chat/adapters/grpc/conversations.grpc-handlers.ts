import type { Conversations } from '../../contracts';
import {
  conversationPageMessageOf,
  listConversationsInputOf,
  markReadInputOf,
  readMarkerMessageOf,
} from './conversations.grpc-mapping';
import type {
  ListConversationsRequestMessage,
  ListConversationsResponseMessage,
  MarkReadRequestMessage,
  MarkReadResponseMessage,
} from './conversations.grpc-messages';

/** The conversation RPCs of ChatService (ListConversations, MarkRead): one port call each. */
export const conversationsGrpcHandlers = (conversations: Conversations) => ({
  ListConversations: async (request: ListConversationsRequestMessage): Promise<ListConversationsResponseMessage> =>
    conversationPageMessageOf(await conversations.listConversations(listConversationsInputOf(request))),
  MarkRead: async (request: MarkReadRequestMessage): Promise<MarkReadResponseMessage> =>
    readMarkerMessageOf(await conversations.markRead(markReadInputOf(request))),
});
