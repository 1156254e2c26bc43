import { Type } from '@sinclair/typebox';
import { HistoryQuery, NoQuery, OptionalString, pathIdParams, strictObject, withErrors } from '../schemas/common.schemas';
import { MessageText, RoomHistoryEntry, SentRoomMessage, SEND_FAILURES_DESCRIPTION } from '../schemas/message.schemas';

/** The schemas of the room chat routes. */
export const roomChatSchemas = {
  send: {
    description: SEND_FAILURES_DESCRIPTION,
    summary: 'Send a message to a room the caller is in',
    tags: ['room chats'],
    params: pathIdParams('roomId'),
    querystring: NoQuery,
    body: strictObject({
      message: MessageText,
      clientMessageId: OptionalString('at most 64 characters; a retry with the same one returns the original message'),
    }),
    response: withErrors({ 201: SentRoomMessage }),
  },
  history: {
    summary: "A page of a room's messages, oldest first (members only)",
    tags: ['room chats'],
    params: pathIdParams('roomId'),
    querystring: HistoryQuery,
    response: withErrors({ 200: Type.Array(RoomHistoryEntry) }),
  },
} as const;
