import { Type, type Static, type TSchema } from '@sinclair/typebox';
import { MessageText, PushedMessage } from '../schemas/message.schemas';
import type { ServerFrame } from './server-frames';

/**
 * Every frame of /ws/chat, client and server, with its TypeBox schema: the one list the
 * AsyncAPI document (/asyncapi.json) is made from. A frame type missing here does not
 * exist: the socket answers a client frame of an unregistered type UNKNOWN_FRAME_TYPE,
 * and a server frame type of {@link ServerFrame} missing here (or shaped differently)
 * fails the type check below. To add a frame, add its schema here, after the others.
 */

const Id = Type.Integer({ minimum: 1, maximum: 2147483647 });
const Visibility = Type.Union([Type.Literal('public'), Type.Literal('private')]);
const Role = Type.Union([Type.Literal('owner'), Type.Literal('admin'), Type.Literal('member')]);
const Cursor = Type.Optional(Type.String({ description: "the event's place in your feed (opaque, ordered): keep the last one, resume from it with ?since= or a resume frame" }));
const FrameId = Type.Optional(Type.Union([Type.String(), Type.Number()], { description: 'echoed in the reply (`ack`, `error`, `pong`)' }));

/** A frame schema: `type` is the constant, every other field as given; unknown fields are refused. */
const frame = <Type extends string, Properties extends Record<string, TSchema>>(type: Type, description: string, properties: Properties) =>
  Type.Object({ type: Type.Literal(type), ...properties }, { additionalProperties: false, description, title: type });

/** What clients send. The operation frames answer with an `ack` carrying the HTTP route's body, or an `error`. */
export const CLIENT_FRAMES = {
  'private.send': frame('private.send', 'Send a private message (as POST /chats/private/{recipientId}); acked with the sent message', {
    id: FrameId,
    to: Id,
    message: MessageText,
    clientMessageId: Type.Optional(Type.String({ maxLength: 64, description: 'idempotency key: a retry returns the stored message' })),
  }),
  'room.send': frame('room.send', 'Send a message to a room you are in (as POST /chats/room/{roomId}); acked with the sent message', {
    id: FrameId,
    roomId: Id,
    message: MessageText,
    clientMessageId: Type.Optional(Type.String({ maxLength: 64, description: 'idempotency key: a retry returns the stored message' })),
  }),
  'room.create': frame('room.create', 'Create a room (as POST /rooms/create); acked with {roomId, name}', {
    id: FrameId,
    name: Type.String({ description: '1-64 characters' }),
    visibility: Type.Optional(Type.Union([Visibility, Type.Null()])),
    members: Type.Optional(Type.Union([Type.Array(Id), Type.Null()], { description: 'userIds added at creation' })),
  }),
  'room.join': frame('room.join', 'Join a room (as POST /rooms/{roomId}/join); acked with {roomId, userId, joined: true}', { id: FrameId, roomId: Id }),
  'room.leave': frame('room.leave', 'Leave a room (as POST /rooms/{roomId}/leave); acked with {roomId, userId, joined: false}', { id: FrameId, roomId: Id }),
  ping: frame('ping', 'Answered with a `pong` (an application-level keep-alive; the server also pings at the protocol level)', { id: FrameId }),
  auth: frame('auth', "A fresh access token of the same user, so the socket outlives the one it opened with; acked with {expiresAt}", {
    id: FrameId,
    token: Type.String(),
  }),
  read: frame('read', 'Move your read marker in a private chat (peerId) or a room (roomId) up to `seq` (as POST /chats/private/{userId}/read, /chats/room/{roomId}/read)', {
    id: FrameId,
    peerId: Type.Optional(Id),
    roomId: Type.Optional(Id),
    seq: Type.Integer({ minimum: 0, description: 'the seq of the last message read' }),
  }),
  'room.add-member': frame('room.add-member', 'Add someone to a room (as POST /rooms/{roomId}/members); acked with the member', { id: FrameId, roomId: Id, userId: Id }),
  'room.remove-member': frame('room.remove-member', 'Remove a member (as DELETE /rooms/{roomId}/members/{userId}); acked with {roomId, userId, removed}', {
    id: FrameId,
    roomId: Id,
    userId: Id,
  }),
  'room.set-role': frame('room.set-role', "Change a member's role (as PUT /rooms/{roomId}/members/{userId}/role); acked with the member", {
    id: FrameId,
    roomId: Id,
    userId: Id,
    role: Role,
  }),
  'room.update': frame('room.update', 'Rename a room or change its visibility (as PATCH /rooms/{roomId}); acked with {roomId, name, visibility}', {
    id: FrameId,
    roomId: Id,
    name: Type.Optional(Type.String({ description: '1-64 characters' })),
    visibility: Type.Optional(Visibility),
  }),
  'room.delete': frame('room.delete', 'Delete a room and its history (as DELETE /rooms/{roomId}); acked with {roomId, deleted}', { id: FrameId, roomId: Id }),
  'message.edit': frame('message.edit', 'Edit your message (as PATCH /chats/messages/{messageId}); acked with the edited message', {
    id: FrameId,
    messageId: Type.String(),
    message: MessageText,
  }),
  'message.delete': frame('message.delete', 'Delete a message (as DELETE /chats/messages/{messageId}); acked with its tombstone', { id: FrameId, messageId: Type.String() }),
  typing: frame('typing', "Tell a private chat (to) or a room (roomId) you are typing; never stored; at most one every 2 s per conversation is forwarded (acked {forwarded} when it has an id)", {
    id: FrameId,
    to: Type.Optional(Id),
    roomId: Type.Optional(Id),
  }),
  'presence.subscribe': frame('presence.subscribe', 'Watch the presence of these people (replaces the previous list); acked with their current states, then `presence` pushes', {
    id: FrameId,
    userIds: Type.Array(Id, { maxItems: 500 }),
  }),
  resume: frame('resume', 'Replay every event after a cursor (send it first); acked with {cursor, replayed} once the missed events were sent', {
    id: FrameId,
    since: Type.String({ description: 'a cursor from ready, a pushed event or GET /sync' }),
  }),
} as const;

/** What the server sends: replies to client frames, and pushes of what happened. */
export const SERVER_FRAMES = {
  ready: frame('ready', 'First frame on every socket: who it belongs to, and the cursor it starts from (the current one, or ?since=)', { userId: Id, cursor: Cursor }),
  ack: frame('ack', 'A client frame succeeded: `result` is the body its HTTP route answers', { id: FrameId, result: Type.Unknown() }),
  error: frame('error', 'A client frame failed, with the HTTP API\'s stable codes (plus INVALID_JSON, UNKNOWN_FRAME_TYPE, TOO_MANY_PENDING_FRAMES); the socket stays open', {
    id: FrameId,
    code: Type.String(),
    message: Type.String(),
    retryAfterMs: Type.Optional(Type.Integer({ minimum: 0, description: 'RATE_LIMITED only: when to try again' })),
    clientMessageId: Type.Optional(Type.String({ description: 'CHAT_SEND_OUTCOME_UNKNOWN only: send again with this clientMessageId (never stored twice)' })),
  }),
  pong: frame('pong', 'The answer to a `ping`', { id: FrameId }),
  message: frame('message', 'A message to or from you, or of a room you are in, however it was sent', { message: PushedMessage, cursor: Cursor }),
  'room.joined': frame('room.joined', 'Someone joined a room you are in (or you joined)', { roomId: Id, userId: Id, cursor: Cursor }),
  'room.left': frame('room.left', 'Someone left a room you are in (or you left)', { roomId: Id, userId: Id, cursor: Cursor }),
  read: frame('read', "A read marker moved: to the reader's own sockets, and in a private chat to the other person (read receipts)", {
    kind: Type.Union([Type.Literal('private'), Type.Literal('room')]),
    userId: Id,
    peerId: Type.Optional(Id),
    roomId: Type.Optional(Id),
    seq: Type.Integer({ minimum: 0 }),
    cursor: Cursor,
  }),
  'room.member-added': frame('room.member-added', 'Someone was added to a room you are in (or you were)', { roomId: Id, userId: Id, role: Role, byUserId: Id, cursor: Cursor }),
  'room.member-removed': frame('room.member-removed', 'A member was removed from a room you are in (or you were)', { roomId: Id, userId: Id, byUserId: Id, cursor: Cursor }),
  'room.role-changed': frame('room.role-changed', "A member's role changed", { roomId: Id, userId: Id, role: Role, byUserId: Id, cursor: Cursor }),
  'room.updated': frame('room.updated', 'A room you are in was renamed or its visibility changed', { roomId: Id, name: Type.String(), visibility: Visibility, byUserId: Id, cursor: Cursor }),
  'room.deleted': frame('room.deleted', 'A room you were in was deleted', { roomId: Id, byUserId: Id, cursor: Cursor }),
  resumed: frame('resumed', 'A replay after ?since= ended: `replayed` events were sent, live pushes follow', { cursor: Type.String(), replayed: Type.Integer({ minimum: 0 }) }),
  resync: frame('resync', 'The cursor of ?since= or a resume frame is expired (SYNC_CURSOR_EXPIRED): reload your conversations and keep `cursor`', {
    cursor: Type.String(),
    code: Type.String(),
    message: Type.String(),
  }),
  'message.edited': frame('message.edited', 'A message you can see was edited', {
    message: Type.Object({ ...PushedMessage.properties, editedAt: Type.Optional(Type.String()) }, { additionalProperties: false }),
    cursor: Cursor,
  }),
  'message.deleted': frame('message.deleted', 'A message you can see was deleted: its tombstone', {
    message: Type.Object(
      {
        messageId: Type.String(),
        kind: Type.Union([Type.Literal('private'), Type.Literal('room')]),
        senderId: Id,
        recipientId: Type.Optional(Id),
        roomId: Type.Optional(Id),
        seq: Type.Integer({ minimum: 1 }),
        deleted: Type.Literal(true),
      },
      { additionalProperties: false },
    ),
    cursor: Cursor,
  }),
  typing: frame('typing', 'Someone in a conversation of yours is typing (private: no roomId)', { userId: Id, roomId: Type.Optional(Id) }),
  presence: frame('presence', 'The presence of someone you watch changed', {
    userId: Id,
    status: Type.Union([Type.Literal('online'), Type.Literal('offline')]),
    lastSeenAt: Type.Optional(Type.String({ description: 'ISO-8601 UTC, when offline' })),
  }),
} as const;

export type ClientFrameType = keyof typeof CLIENT_FRAMES;
export type ServerFrameType = keyof typeof SERVER_FRAMES;

/** True for the frame types clients may send. */
export const isClientFrameType = (type: string): type is ClientFrameType => Object.hasOwn(CLIENT_FRAMES, type);

/*
 * Compile-time: ServerFrame (what the code can send) and SERVER_FRAMES name the same types,
 * and each ServerFrame variant fits its schema. A new ServerFrame variant fails `npm run typecheck` here until registered.
 */
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type FitsItsSchema = { [T in ServerFrameType]: [Extract<ServerFrame, { type: T }>] extends [Static<(typeof SERVER_FRAMES)[T]>] ? true : false }[ServerFrameType];
const serverFramesRegistered: Same<ServerFrame['type'], ServerFrameType> = true;
const serverFramesFitSchemas: false extends FitsItsSchema ? false : true = true;
void serverFramesRegistered;
void serverFramesFitSchemas;
