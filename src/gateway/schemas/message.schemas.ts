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
const EditedAt = Type.Optional(Type.String({ description: 'ISO-8601 UTC: when its author last edited it; absent if never' }));

/** What stays of a deleted message, in its place (seq). */
export const Tombstone = Type.Object({ messageId: MessageId, seq: Seq, deleted: Type.Literal(true) });

export const PrivateHistoryEntry = Type.Union([
  Type.Object({ senderId: Id, message: Message, timestamp: Timestamp, messageId: MessageId, seq: Seq, editedAt: EditedAt }),
  Tombstone,
]);
export const RoomHistoryEntry = Type.Union([
  Type.Object({ userId: Id, message: Message, timestamp: Timestamp, messageId: MessageId, seq: Seq, editedAt: EditedAt }),
  Tombstone,
]);

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

/** A message after an edit. */
export const EditedMessage = Type.Object({ ...pushedMessageProperties, editedAt: EditedAt });

/** What a failed send means for the message, on both send routes. */
export const SEND_FAILURES_DESCRIPTION =
  'A 503 (`DEADLINE_EXCEEDED`, `SERVICE_UNAVAILABLE`, `STORAGE_UNAVAILABLE`) means the message was not stored. ' +
  'A 504 `CHAT_SEND_OUTCOME_UNKNOWN` means the chat service got the send but did not answer in time: it may be stored. ' +
  'Send it again with the `clientMessageId` of that answer (yours, or one the gateway made): a stored message is returned ' +
  '(same `messageId` and `seq`), never stored twice.';
