import { EntitySchema } from '@mikro-orm/core';
import type { ChatMessage } from '../../contracts';

/**
 * A message in the `messages` collection; `_id` is the messageId. `dedupeKey` is always
 * set — `<senderId>:<clientMessageId>`, or the messageId when the send carried none — so
 * its unique index needs no `sparse` or partial filter (FerretDB supports neither).
 */
export interface MessageDocument {
  _id: string;
  conversation: string;
  seq: number;
  kind: ChatMessage['kind'];
  senderId: number;
  recipientId?: number | null;
  roomId?: number | null;
  message: string;
  timestamp: Date;
  clientMessageId?: string | null;
  dedupeKey: string;
  editedAt?: Date | null;
  /** True on a tombstone; absent or null on a live message. */
  deleted?: boolean | null;
}

export const messageSchema = new EntitySchema<MessageDocument>({
  name: 'MessageDocument',
  collection: 'messages',
  properties: {
    _id: { type: 'string', primary: true },
    conversation: { type: 'string' },
    seq: { type: 'number' },
    kind: { type: 'string' },
    senderId: { type: 'number' },
    recipientId: { type: 'number', nullable: true },
    roomId: { type: 'number', nullable: true },
    message: { type: 'string' },
    timestamp: { type: 'Date' },
    clientMessageId: { type: 'string', nullable: true },
    dedupeKey: { type: 'string' },
    editedAt: { type: 'Date', nullable: true },
    deleted: { type: 'boolean', nullable: true },
  },
  uniques: [{ name: 'messages_dedupe_key_unique', properties: ['dedupeKey'] }],
  indexes: [{ options: [{ conversation: 1, seq: -1 }, { name: 'messages_conversation_seq_unique', unique: true }] }],
});
