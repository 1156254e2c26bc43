import { Type, type TSchema } from '@sinclair/typebox';
import {
  MESSAGE_DELETED_V1,
  MESSAGE_EDITED_V1,
  MESSAGE_POSTED_V1,
  READ_MARKER_MOVED_V1,
  ROOM_DELETED_V1,
  ROOM_MEMBER_ADDED_V1,
  ROOM_MEMBER_JOINED_V1,
  ROOM_MEMBER_LEFT_V1,
  ROOM_MEMBER_REMOVED_V1,
  ROOM_ROLE_CHANGED_V1,
  ROOM_UPDATED_V1,
} from '@chatterroom/chat/contracts';
import { SESSION_REVOKED_V1, USER_REGISTERED_V1 } from '@chatterroom/users/contracts';
import { AnnouncedMessage } from '../schemas/message.schemas';

/**
 * Every integration event the modules publish (RabbitMQ in the split deployment, the
 * in-process bus in the monolith), with the TypeBox schema of its payload: the list the
 * AsyncAPI document's events are made from. A test compares it with the event types the
 * modules' contracts export and with the events the modules really publish. To add an
 * event, export its type from the module's contracts and add its payload schema here,
 * after the others.
 */

const Id = Type.Integer({ minimum: 1, maximum: 2147483647 });
const Role = Type.Union([Type.Literal('owner'), Type.Literal('admin'), Type.Literal('member')]);
const Visibility = Type.Union([Type.Literal('public'), Type.Literal('private')]);
const Audience = Type.Array(Id, { description: 'the userIds who may see it, computed when it happened: gateways push to exactly these' });

/** A message after an edit (with `editedAt`) or a deletion (its tombstone: `deleted`, text ''). */
const ChangedMessage = Type.Object(
  { ...AnnouncedMessage.properties, editedAt: Type.Optional(Type.String()), deleted: Type.Optional(Type.Boolean()) },
  { additionalProperties: false },
);

const payload = (description: string, properties: Record<string, TSchema>) =>
  Type.Object(properties, { additionalProperties: false, description });

export const EVENT_PAYLOADS: Readonly<Record<string, TSchema>> = {
  [MESSAGE_POSTED_V1]: payload('A message was stored (private or room)', { message: AnnouncedMessage, audience: Audience }),
  [ROOM_MEMBER_JOINED_V1]: payload('Someone joined a room', { roomId: Id, userId: Id, audience: Audience }),
  [ROOM_MEMBER_LEFT_V1]: payload('Someone left a room', { roomId: Id, userId: Id, audience: Audience }),
  [READ_MARKER_MOVED_V1]: payload('Someone moved their read marker in a private chat (peerId) or a room (roomId)', {
    kind: Type.Union([Type.Literal('private'), Type.Literal('room')]),
    userId: Id,
    peerId: Type.Optional(Id),
    roomId: Type.Optional(Id),
    seq: Type.Integer({ minimum: 0 }),
    audience: Audience,
  }),
  [ROOM_MEMBER_ADDED_V1]: payload('A member was added by someone else (or listed at creation)', { roomId: Id, userId: Id, role: Role, byUserId: Id, audience: Audience }),
  [ROOM_MEMBER_REMOVED_V1]: payload('A member was removed by an owner or admin', { roomId: Id, userId: Id, byUserId: Id, audience: Audience }),
  [ROOM_ROLE_CHANGED_V1]: payload("A member's role changed", { roomId: Id, userId: Id, role: Role, byUserId: Id, audience: Audience }),
  [ROOM_UPDATED_V1]: payload('A room was renamed or its visibility changed', { roomId: Id, name: Type.String(), visibility: Visibility, byUserId: Id, audience: Audience }),
  [ROOM_DELETED_V1]: payload('The owner deleted a room and its history', { roomId: Id, byUserId: Id, audience: Audience }),
  [MESSAGE_EDITED_V1]: payload('Its author changed the text of a message: the message as it is now', { message: ChangedMessage, audience: Audience }),
  [MESSAGE_DELETED_V1]: payload('A message was deleted by its author or a room moderator: its tombstone', { message: ChangedMessage, audience: Audience }),
  [USER_REGISTERED_V1]: payload('An account was created', { userId: Id, username: Type.String() }),
  [SESSION_REVOKED_V1]: payload('A session ended (logout, revocation, refresh-token reuse): its tokens are refused from now on', {
    userId: Id,
    sessionId: Type.String(),
    tokensValidUntil: Type.String({ description: 'ISO-8601: until when an access token of the session could still be presented' }),
  }),
};

/** The envelope every event travels in (JSON, routing key = `type`). */
export const eventEnvelope = (type: string, payloadSchema: TSchema): TSchema =>
  Type.Object(
    {
      id: Type.String({ description: 'unique per event: consumers de-duplicate on it (at-least-once delivery)' }),
      type: Type.Literal(type),
      occurredAt: Type.String({ description: 'ISO-8601 UTC' }),
      payload: payloadSchema,
      cursor: Type.Optional(Type.String({ description: "the event's place in the chat event log (opaque, ordered), set when published from it" })),
    },
    { additionalProperties: false, title: type },
  );
