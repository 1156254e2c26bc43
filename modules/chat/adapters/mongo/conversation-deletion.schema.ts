import { EntitySchema } from '@mikro-orm/core';

/**
 * One deleted message in the `conversation_deletions` collection (schema step 6): `_id` is
 * `<conversation>#<seq>`, so recording a deletion twice keeps one document; (conversation, seq)
 * is indexed to count the deletions above a read marker without reading messages.
 */
export interface ConversationDeletionDocument {
  _id: string;
  conversation: string;
  seq: number;
}

export const conversationDeletionSchema = new EntitySchema<ConversationDeletionDocument>({
  name: 'ConversationDeletionDocument',
  collection: 'conversation_deletions',
  properties: {
    _id: { type: 'string', primary: true },
    conversation: { type: 'string' },
    seq: { type: 'number' },
  },
  indexes: [{ name: 'conversation_deletions_conversation_seq', properties: ['conversation', 'seq'] }],
});
