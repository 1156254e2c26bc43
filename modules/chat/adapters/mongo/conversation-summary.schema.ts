import { EntitySchema } from '@mikro-orm/core';

/**
 * A conversation's summary in the `conversation_summaries` collection; `_id` is the
 * conversation key, `lastMessage` the newest message as JSON, `participants` the two people
 * of a private conversation (empty for a room), indexed to list a user's private conversations.
 */
export interface ConversationSummaryDocument {
  _id: string;
  lastSeq: number;
  lastMessage: string;
  updatedAt: string;
  participants: number[];
  /** The rank of lastMessage's state (see changeRankOf): '' as sent; absent on summaries written before schema step 6. */
  lastChange?: string;
}

export const conversationSummarySchema = new EntitySchema<ConversationSummaryDocument>({
  name: 'ConversationSummaryDocument',
  collection: 'conversation_summaries',
  properties: {
    _id: { type: 'string', primary: true },
    lastSeq: { type: 'number' },
    lastMessage: { type: 'string' },
    updatedAt: { type: 'string' },
    participants: { type: 'json' },
    lastChange: { type: 'string', nullable: true },
  },
  indexes: [{ name: 'conversation_summaries_participants', properties: ['participants'] }],
});
