import { optionalWireInt32, optionalWireString, presentField, wireInput, wireInt32 } from '@chatterroom/platform/grpc';
import { validationFailed } from '@chatterroom/kernel';
import { CONVERSATIONS_MAX_LIMIT } from '../../contracts';
import type { ConversationEntry, ConversationPage, ListConversationsInput, MarkReadInput, ReadMarkerState } from '../../contracts';
import { chatMessageOf, messageOf } from './chat.grpc-mapping';
import { roomInfoOf } from './room-administration.grpc-mapping';
import type {
  ConversationMessage,
  ListConversationsRequestMessage,
  ListConversationsResponseMessage,
  MarkReadRequestMessage,
  MarkReadResponseMessage,
} from './conversations.grpc-messages';

/*
 * Conversation DTOs <-> proto/chat.proto messages. An optional field absent on one side stays
 * absent on the other. Request builders (client side) first refuse what the wire would coerce.
 */

const kindOf = (kind: string): 'private' | 'room' => (kind === 'room' ? 'room' : 'private');

export const listConversationsRequestOf = (input: ListConversationsInput): ListConversationsRequestMessage => {
  const fields = wireInput(input);
  return {
    userId: wireInt32(fields.userId, 'userId'),
    ...presentField('limit', optionalWireInt32(fields.limit, 'limit', `limit must be an integer from 1 to ${CONVERSATIONS_MAX_LIMIT}`)),
    ...presentField('before', optionalWireString(fields.before, 'before', 'before is not a cursor of this conversation list')),
  };
};

export const listConversationsInputOf = (request: ListConversationsRequestMessage): ListConversationsInput => ({
  userId: request.userId,
  ...presentField('limit', request.limit),
  ...presentField('before', request.before),
});

export const markReadRequestOf = (input: MarkReadInput): MarkReadRequestMessage => {
  const fields = wireInput(input);
  const seq: unknown = fields.seq;
  if (typeof seq !== 'number' || !Number.isSafeInteger(seq)) throw validationFailed('seq must be a positive integer');
  return {
    userId: wireInt32(fields.userId, 'userId'),
    ...presentField('peerId', optionalWireInt32(fields.peerId, 'peerId')),
    ...presentField('roomId', optionalWireInt32(fields.roomId, 'roomId')),
    seq,
  };
};

export const markReadInputOf = (request: MarkReadRequestMessage): MarkReadInput => ({
  userId: request.userId,
  ...presentField('peerId', request.peerId),
  ...presentField('roomId', request.roomId),
  seq: request.seq,
});

export const readMarkerMessageOf = (state: ReadMarkerState): MarkReadResponseMessage => ({
  kind: state.kind,
  userId: state.userId,
  ...presentField('peerId', state.peerId),
  ...presentField('roomId', state.roomId),
  readSeq: state.readSeq,
  lastSeq: state.lastSeq,
  unreadCount: state.unreadCount,
});

export const readMarkerStateOf = (message: MarkReadResponseMessage): ReadMarkerState => ({
  kind: kindOf(message.kind),
  userId: message.userId,
  ...presentField('peerId', message.peerId),
  ...presentField('roomId', message.roomId),
  readSeq: message.readSeq,
  lastSeq: message.lastSeq,
  unreadCount: message.unreadCount,
});

const conversationMessageOf = (entry: ConversationEntry): ConversationMessage => ({
  kind: entry.kind,
  ...presentField('peerId', entry.peerId),
  ...presentField('room', entry.room === undefined ? undefined : { ...entry.room }),
  lastMessage: entry.lastMessage === null ? null : messageOf(entry.lastMessage),
  lastSeq: entry.lastSeq,
  readSeq: entry.readSeq,
  unreadCount: entry.unreadCount,
  updatedAt: entry.updatedAt,
  ...presentField('peerReadSeq', entry.peerReadSeq),
});

const conversationEntryOf = (message: ConversationMessage): ConversationEntry => ({
  kind: kindOf(message.kind),
  ...presentField('peerId', message.peerId),
  ...presentField('room', message.room === null || message.room === undefined ? undefined : roomInfoOf(message.room)),
  lastMessage: message.lastMessage === null ? null : chatMessageOf(message.lastMessage),
  lastSeq: message.lastSeq,
  readSeq: message.readSeq,
  unreadCount: message.unreadCount,
  updatedAt: message.updatedAt,
  ...presentField('peerReadSeq', message.peerReadSeq),
});

export const conversationPageMessageOf = (page: ConversationPage): ListConversationsResponseMessage => ({
  conversations: page.conversations.map(conversationMessageOf),
  ...presentField('nextCursor', page.nextCursor),
});

export const conversationPageOf = (message: ListConversationsResponseMessage): ConversationPage => ({
  conversations: message.conversations.map(conversationEntryOf),
  ...presentField('nextCursor', message.nextCursor),
});
