import { Type } from '@sinclair/typebox';
import { NoBody, NoQuery, strictObject, withErrors } from '../schemas/common.schemas';
import { EditedMessage, MessageText, Tombstone } from '../schemas/message.schemas';

const MessageIdParams = strictObject({ messageId: Type.String({ minLength: 1, maxLength: 64, description: 'a messageId' }) });

/** The schemas of editing and deleting a message. */
export const messageChangesSchemas = {
  edit: {
    summary: 'Edit your message (private or room): new text, editedAt set',
    tags: ['messages'],
    params: MessageIdParams,
    querystring: NoQuery,
    body: strictObject({ message: MessageText }),
    response: withErrors({ 200: EditedMessage }),
  },
  delete: {
    summary: "Delete your message, or (room messages) one of a room you own or administer; leaves a tombstone",
    tags: ['messages'],
    params: MessageIdParams,
    querystring: NoQuery,
    body: NoBody,
    response: withErrors({ 200: Tombstone }),
  },
} as const;
