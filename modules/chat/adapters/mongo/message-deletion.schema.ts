import { EntitySchema } from '@mikro-orm/core';

/**
 * One deleted message in the `message_deletions` collection (schema step 6): `_id` is
 * `<conversation>#<seq>`, so recording a deletion twice keeps one document; (conversation, seq)
 * is indexed to count the deletions above a read marker without reading messages.
 */
export interface MessageDeletionDocument {
  _id: string;
  conversation: string;
  seq: number;
}

export const messageDeletionSchema = new EntitySchema<MessageDeletionDocument>({
  name: 'MessageDeletionDocument',
  collection: 'message_deletions',
  properties: {
    _id: { type: 'string', primary: true },
    conversation: { type: 'string' },
    seq: { type: 'number' },
  },
  indexes: [{ name: 'message_deletions_conversation_seq', properties: ['conversation', 'seq'] }],
});
