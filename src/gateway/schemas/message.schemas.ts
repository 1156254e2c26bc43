import { Type } from '@sinclair/typebox';

/** The text of a message: the chat module checks its rules. */
export const MessageText = Type.String({ description: '1-4000 characters, not only whitespace' });

const Id = Type.Integer({ minimum: 1 });
const MessageId = Type.String();
const Message = Type.String();
const Timestamp = Type.String({ description: 'ISO-8601 UTC' });
const Seq = Type.Integer({ minimum: 1, description: '1, 2, 3... within the conversation' });
const ClientMessageId = Type.Optional(Type.String({ description: 'shown to the sender only' }));

export const SentPrivateMessage = Type.Object({
  messageId: MessageId, senderId: Id, recipientId: Id, message: Message, timestamp: Timestamp, seq: Seq, clientMessageId: ClientMessageId,
});
export const SentRoomMessage = Type.Object({
  messageId: MessageId, roomId: Id, senderId: Id, message: Message, timestamp: Timestamp, seq: Seq, clientMessageId: ClientMessageId,
});
export const PrivateHistoryEntry = Type.Object({ senderId: Id, message: Message, timestamp: Timestamp, messageId: MessageId, seq: Seq });
export const RoomHistoryEntry = Type.Object({ userId: Id, message: Message, timestamp: Timestamp, messageId: MessageId, seq: Seq });
