import { Type } from '@sinclair/typebox';
import { NoQuery, pathIdParams, strictObject, withErrors } from '../schemas/common.schemas';

const Id = Type.Integer({ minimum: 1 });
const Count = Type.Integer({ minimum: 0 });

const LastMessage = Type.Object(
  {
    messageId: Type.String(),
    kind: Type.Union([Type.Literal('private'), Type.Literal('room')]),
    senderId: Id,
    recipientId: Type.Optional(Id),
    roomId: Type.Optional(Id),
    message: Type.String(),
    timestamp: Type.String({ description: 'ISO-8601 UTC' }),
    seq: Id,
    editedAt: Type.Optional(Type.String({ description: 'ISO-8601 UTC: when its author last edited it' })),
    deleted: Type.Optional(Type.Literal(true, { description: "the newest message was deleted: its tombstone (message '') stands in its place" })),
  },
  { required: ['messageId', 'kind', 'senderId', 'message', 'timestamp', 'seq'] },
);

const Conversation = Type.Object(
  {
    kind: Type.Union([Type.Literal('private'), Type.Literal('room')]),
    peer: Type.Optional(Type.Object({ userId: Id, username: Type.String() }, { description: 'private conversations: the other person' })),
    room: Type.Optional(
      Type.Object({ roomId: Id, name: Type.String(), visibility: Type.Union([Type.Literal('public'), Type.Literal('private')]) }, { description: 'rooms' }),
    ),
    lastMessage: Type.Union([LastMessage, Type.Null()], { description: 'null for a room nobody wrote in yet' }),
    lastSeq: Count,
    readSeq: Count,
    unreadCount: Type.Integer({ minimum: 0, description: 'the messages above readSeq, deleted ones left out' }),
    updatedAt: Type.String({ description: 'the newest message, or the room creation; ISO-8601 UTC' }),
    peerReadSeq: Type.Optional(
      Type.Union([Count, Type.Null()], {
        description: "private conversations only: the seq of the last message the peer has read here (\"seen\"); null when the peer has read nothing",
      }),
    ),
  },
  { required: ['kind', 'lastMessage', 'lastSeq', 'readSeq', 'unreadCount', 'updatedAt'] },
);

const ReadMarker = Type.Object(
  {
    kind: Type.Union([Type.Literal('private'), Type.Literal('room')]),
    userId: Id,
    peerId: Type.Optional(Id),
    roomId: Type.Optional(Id),
    readSeq: Count,
    lastSeq: Count,
    unreadCount: Count,
  },
  { required: ['kind', 'userId', 'readSeq', 'lastSeq', 'unreadCount'] },
);

const ReadBody = strictObject({ seq: Type.Integer({ minimum: 1, description: 'the seq of the last message read' }) });

/** The schemas of the conversation list and the read-marker routes. */
export const conversationsSchemas = {
  list: {
    summary: 'Every conversation of the caller (private chats and rooms), most recent activity first, with unread counts',
    tags: ['conversations'],
    querystring: strictObject({
      limit: Type.Optional(Type.String({ pattern: '^(?:[1-9]|[1-9][0-9]|100)$', description: 'an integer from 1 to 100 (default 20)' })),
      before: Type.Optional(Type.String({ minLength: 1, description: 'the nextCursor of the previous page' })),
    }),
    response: withErrors({
      200: Type.Object(
        { conversations: Type.Array(Conversation), nextCursor: Type.Union([Type.String(), Type.Null()], { description: 'null on the last page' }) },
        { required: ['conversations', 'nextCursor'] },
      ),
    }),
  },
  readPrivate: {
    summary: 'Move your read marker in a private conversation forward (never back)',
    tags: ['conversations'],
    params: pathIdParams('userId'),
    querystring: NoQuery,
    body: ReadBody,
    response: withErrors({ 200: ReadMarker }),
  },
  readRoom: {
    summary: 'Move your read marker in a room forward (never back)',
    tags: ['conversations'],
    params: pathIdParams('roomId'),
    querystring: NoQuery,
    body: ReadBody,
    response: withErrors({ 200: ReadMarker }),
  },
} as const;
