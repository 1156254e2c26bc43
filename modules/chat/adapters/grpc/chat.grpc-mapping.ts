import { isGeneratedSendKey } from './forwarded-send-key';
import { DomainError } from '@chatterroom/kernel';
import {
  INTERNAL_ERROR_CODE,
  optionalWireInt32,
  optionalWireString,
  presentField,
  wireInput,
  wireInt32,
  wireString,
} from '@chatterroom/platform/grpc';
import { FEED_MAX_LIMIT, HISTORY_MAX_LIMIT, type FeedEvent, type FeedPage, type FeedSinceInput } from '../../contracts';
import type {
  ChatMessage,
  DeleteMessageInput,
  EditMessageInput,
  HistoryPaging,
  ListRoomsInput,
  PrivateHistoryInput,
  RoomDetails,
  RoomHistoryInput,
  RoomMemberInput,
  RoomRole,
  RoomSummary,
  RoomVisibility,
  SendPrivateMessageInput,
  SendRoomMessageInput,
} from '../../contracts';
import type {
  FeedEventMessage,
  FeedEventsRequestMessage,
  FeedEventsResponseMessage,
  DeleteMessageRequestMessage,
  EditMessageRequestMessage,
  GetRoomResponseMessage,
  ListRoomsRequestMessage,
  MessageMessage,
  PrivateHistoryRequestMessage,
  PrivateMessageRequestMessage,
  RoomHistoryRequestMessage,
  RoomMemberRequestMessage,
  RoomMessage,
  RoomMessageRequestMessage,
} from './chat.grpc-messages';

/*
 * Chat DTOs <-> proto/chat.proto messages. An optional field absent on one side stays
 * absent on the other (never 0 or ''). Request builders (client side) first refuse what
 * the wire would coerce, with the messages the chat service gives those values.
 */

const pagingOf = (input: HistoryPaging): { before?: string; after?: string; limit?: number } => ({
  ...presentField('before', optionalWireString(input.before, 'before', 'before must be a messageId string')),
  ...presentField('after', optionalWireString(input.after, 'after', 'after must be a messageId string')),
  ...presentField('limit', optionalWireInt32(input.limit, 'limit', `limit must be an integer from 1 to ${HISTORY_MAX_LIMIT}`)),
});

const clientMessageIdOf = (value: unknown): { clientMessageId?: string } =>
  presentField('clientMessageId', optionalWireString(value, 'clientMessageId'));

export const privateMessageRequestOf = (input: SendPrivateMessageInput): PrivateMessageRequestMessage => {
  const fields = wireInput(input);
  return {
    fromUserId: wireInt32(fields.fromUserId, 'fromUserId'),
    toUserId: wireInt32(fields.toUserId, 'toUserId'),
    message: wireString(fields.message, 'message'),
    ...clientMessageIdOf(fields.clientMessageId),
  };
};

export const privateHistoryRequestOf = (input: PrivateHistoryInput): PrivateHistoryRequestMessage => {
  const fields = wireInput(input);
  return {
    fromUserId: wireInt32(fields.fromUserId, 'fromUserId'),
    toUserId: wireInt32(fields.toUserId, 'toUserId'),
    ...pagingOf(fields),
  };
};

export const roomMessageRequestOf = (input: SendRoomMessageInput): RoomMessageRequestMessage => {
  const fields = wireInput(input);
  return {
    userId: wireInt32(fields.userId, 'userId'),
    roomId: wireInt32(fields.roomId, 'roomId'),
    message: wireString(fields.message, 'message'),
    ...clientMessageIdOf(fields.clientMessageId),
  };
};

export const roomHistoryRequestOf = (input: RoomHistoryInput): RoomHistoryRequestMessage => {
  const fields = wireInput(input);
  return { userId: wireInt32(fields.userId, 'userId'), roomId: wireInt32(fields.roomId, 'roomId'), ...pagingOf(fields) };
};

export const roomMemberRequestOf = (input: RoomMemberInput): RoomMemberRequestMessage => {
  const fields = wireInput(input);
  return { userId: wireInt32(fields.userId, 'userId'), roomId: wireInt32(fields.roomId, 'roomId') };
};

export const listRoomsRequestOf = (input: ListRoomsInput): ListRoomsRequestMessage => ({
  userId: wireInt32(wireInput(input).userId, 'userId'),
});

export const editMessageRequestOf = (input: EditMessageInput): EditMessageRequestMessage => {
  const fields = wireInput(input);
  return {
    userId: wireInt32(fields.userId, 'userId'),
    messageId: wireString(fields.messageId, 'messageId'),
    message: wireString(fields.message, 'message'),
  };
};

export const deleteMessageRequestOf = (input: DeleteMessageInput): DeleteMessageRequestMessage => {
  const fields = wireInput(input);
  return { userId: wireInt32(fields.userId, 'userId'), messageId: wireString(fields.messageId, 'messageId') };
};

export const messageOf = (message: ChatMessage): MessageMessage => ({
  senderId: message.senderId,
  message: message.message,
  timestamp: message.timestamp,
  messageId: message.messageId,
  ...presentField('roomId', message.roomId),
  ...presentField('recipientId', message.recipientId),
  seq: message.seq,
  kind: message.kind,
  ...(isGeneratedSendKey(message.clientMessageId) ? {} : presentField('clientMessageId', message.clientMessageId)),
  ...presentField('editedAt', message.editedAt),
  deleted: message.deleted === true,
});

export const chatMessageOf = (message: MessageMessage): ChatMessage => ({
  messageId: message.messageId,
  kind: message.kind === 'room' ? 'room' : 'private',
  senderId: message.senderId,
  ...presentField('recipientId', message.recipientId),
  ...presentField('roomId', message.roomId),
  message: message.message,
  timestamp: message.timestamp,
  seq: message.seq,
  ...presentField('clientMessageId', message.clientMessageId),
  ...presentField('editedAt', message.editedAt),
  ...(message.deleted ? { deleted: true } : {}),
});

/** The stored message of a send reply; a reply without one is a broken server. */
export const sentMessageOf = (response: { readonly message: MessageMessage | null }): ChatMessage => {
  if (response.message === null) throw new DomainError(INTERNAL_ERROR_CODE, 'internal', 'Chat service replied without the message');
  return chatMessageOf(response.message);
};

export const roomSummaryOf = (room: RoomMessage): RoomSummary => ({ roomId: room.roomId, name: room.name });

export const roomDetailsOf = (room: GetRoomResponseMessage): RoomDetails => ({
  roomId: room.roomId,
  name: room.name,
  members: [...room.members],
  visibility: room.visibility as RoomVisibility,
  memberCount: room.memberCount,
  role: room.role as RoomRole,
});

/** A feed event on the wire: its payload as JSON text, whatever its type. */
export const feedEventMessageOf = (event: FeedEvent): FeedEventMessage => ({
  id: event.id,
  type: event.type,
  occurredAt: event.occurredAt,
  payloadJson: JSON.stringify(event.payload ?? null),
  cursor: event.cursor,
});

export const feedEventOf = (message: FeedEventMessage): FeedEvent => ({
  id: message.id,
  type: message.type,
  occurredAt: message.occurredAt,
  payload: JSON.parse(message.payloadJson) as unknown,
  cursor: message.cursor,
});

export const feedPageOf = (response: FeedEventsResponseMessage): FeedPage => ({
  events: response.events.map(feedEventOf),
  cursor: response.cursor,
  hasMore: response.hasMore,
});

export const feedEventsRequestOf = (input: FeedSinceInput): FeedEventsRequestMessage => {
  const fields = wireInput(input);
  return {
    userId: wireInt32(fields.userId, 'userId'),
    since: wireString(fields.since, 'since'),
    ...presentField('limit', optionalWireInt32(fields.limit, 'limit', `limit must be an integer from 1 to ${FEED_MAX_LIMIT}`)),
  };
};
