import { Type } from '@sinclair/typebox';
import { HistoryQuery, NoQuery, OptionalString, pathIdParams, strictObject, withErrors } from '../schemas/common.schemas';
import { MessageText, PrivateHistoryEntry, SentPrivateMessage, SEND_FAILURES_DESCRIPTION } from '../schemas/message.schemas';

/** The schemas of the private chat routes. */
export const privateChatSchemas = {
  send: {
    description: SEND_FAILURES_DESCRIPTION,
    summary: 'Send a private message to a user',
    tags: ['private chats'],
    params: pathIdParams('recipientId'),
    querystring: NoQuery,
    body: strictObject({
      message: MessageText,
      clientMessageId: OptionalString('at most 64 characters; a retry with the same one returns the original message'),
    }),
    response: withErrors({ 201: SentPrivateMessage }),
  },
  history: {
    summary: "A page of the caller's conversation with a user, oldest first",
    tags: ['private chats'],
    params: pathIdParams('recipientId'),
    querystring: HistoryQuery,
    response: withErrors({ 200: Type.Array(PrivateHistoryEntry) }),
  },
} as const;
