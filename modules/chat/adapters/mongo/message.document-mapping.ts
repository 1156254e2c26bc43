import { createHash, randomUUID } from 'node:crypto';
import type { ChatMessage } from '../../contracts';
import type { NewMessage } from '../../ports';
import type { MessageDocument } from './message.schema';

/**
 * The messageId (`_id`) of a new message. A send with a clientMessageId gets one derived from
 * (senderId, clientMessageId), UUID-shaped: a retry is then found by `_id`, the one field
 * FerretDB looks up through an index (its SQLite backend scans a collection for any other
 * filter, including fields with a unique index, as `explain` shows), and `_id` uniqueness
 * refuses a twin stored at the same time. Other sends get a random UUID.
 */
export const messageIdOf = (input: NewMessage): string => keyedMessageIdOf(input) ?? randomUUID();

/** Each keyed send's derived messageId, computed once: a group commit asks for it at every step. */
const derivedIds = new WeakMap<NewMessage, string>();

/** The derived messageId of a keyed send (see {@link messageIdOf}); undefined without a clientMessageId. */
export const keyedMessageIdOf = (input: NewMessage): string | undefined => {
  if (input.clientMessageId === undefined) return undefined;
  let messageId = derivedIds.get(input);
  if (messageId === undefined) {
    messageId = derivedMessageId(input.senderId, input.clientMessageId);
    derivedIds.set(input, messageId);
  }
  return messageId;
};

/** Name-based UUID (RFC 9562 version 8) from SHA-256 of the sender and its clientMessageId. */
export const derivedMessageId = (senderId: number, clientMessageId: string): string => {
  const bytes = createHash('sha256').update(`chat.message:${senderId}:${clientMessageId}`).digest().subarray(0, 16);
  bytes[6] = ((bytes[6] as number) & 0x0f) | 0x80;
  bytes[8] = ((bytes[8] as number) & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
};

export const toDocument = (input: NewMessage, messageId: string, seq: number, dedupeKey: string): MessageDocument => ({
  _id: messageId,
  conversation: input.conversation,
  seq,
  kind: input.kind,
  senderId: input.senderId,
  ...(input.recipientId === undefined ? {} : { recipientId: input.recipientId }),
  ...(input.roomId === undefined ? {} : { roomId: input.roomId }),
  message: input.message,
  timestamp: new Date(input.timestamp),
  ...(input.clientMessageId === undefined ? {} : { clientMessageId: input.clientMessageId }),
  dedupeKey,
});

export const toChatMessage = (document: MessageDocument): ChatMessage => ({
  messageId: document._id,
  kind: document.kind,
  senderId: document.senderId,
  ...(isAbsent(document.recipientId) ? {} : { recipientId: document.recipientId }),
  ...(isAbsent(document.roomId) ? {} : { roomId: document.roomId }),
  message: document.message,
  timestamp: document.timestamp.toISOString(),
  seq: document.seq,
  ...(isAbsent(document.clientMessageId) ? {} : { clientMessageId: document.clientMessageId }),
  ...(isAbsent(document.editedAt) ? {} : { editedAt: document.editedAt.toISOString() }),
  ...(document.deleted === true ? { deleted: true } : {}),
});

/** Optional fields come back as null or missing: MikroORM writes null for an undefined property. */
const isAbsent = (value: unknown): value is null | undefined => value === null || value === undefined;
