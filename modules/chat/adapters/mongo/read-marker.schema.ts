import { EntitySchema } from '@mikro-orm/core';

/** A user's read marker in one conversation, in the `read_markers` collection; `_id` is `<userId>|<conversation>`. */
export interface ReadMarkerDocument {
  _id: string;
  userId: number;
  conversation: string;
  seq: number;
}

export const readMarkerSchema = new EntitySchema<ReadMarkerDocument>({
  name: 'ReadMarkerDocument',
  collection: 'read_markers',
  properties: {
    _id: { type: 'string', primary: true },
    userId: { type: 'number' },
    conversation: { type: 'string' },
    seq: { type: 'number' },
  },
  indexes: [
    { name: 'read_markers_user_conversation', properties: ['userId', 'conversation'] },
    { name: 'read_markers_conversation_user', properties: ['conversation', 'userId'] },
  ],
});
