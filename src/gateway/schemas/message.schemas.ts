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

const pushedMessageProperties = {
  messageId: MessageId,
  kind: Type.Union([Type.Literal('private'), Type.Literal('room')]),
  senderId: Id,
  recipientId: Type.Optional(Id),
  roomId: Type.Optional(Id),
  message: Message,
  timestamp: Timestamp,
  seq: Seq,
};

/** A message as pushed to its audience on /ws/chat (the sender's clientMessageId stays with the sender). */
export const PushedMessage = Type.Object(pushedMessageProperties, { additionalProperties: false });

/** A stored message as the chat module announces it in `chat.message-posted.v1`. */
export const AnnouncedMessage = Type.Object(
  { ...pushedMessageProperties, clientMessageId: Type.Optional(Type.String({ description: "the sender's idempotency key (never pushed to others)" })) },
  { additionalProperties: false },
);
