import { Type } from '@sinclair/typebox';
import { PUBLIC_ROOMS_MAX_LIMIT, ROOM_MEMBERS_MAX_LIMIT } from '@chatterroom/chat/contracts';
import { NoBody, NoQuery, PathId, pathIdParams, strictObject, withErrors } from '../schemas/common.schemas';
import { Role, Visibility } from './rooms.schemas';

const Id = Type.Integer({ minimum: 1 });
const RoomMember = Type.Object({ roomId: Id, userId: Id, role: Role, joinedAt: Type.String({ description: 'ISO-8601 UTC' }) });
const RoomInfo = Type.Object({ roomId: Id, name: Type.String(), visibility: Visibility });
const NextAfter = Type.Union([Id, Type.Null()], { description: 'the `after` of the next page; null on the last' });
const roomAndMember = Type.Object({ roomId: PathId, userId: PathId }, { additionalProperties: false });

/** `?limit=` within 1..max and `?after=` (an id), both optional. */
const pageQuery = (max: number, extra = {}) =>
  strictObject({
    limit: Type.Optional(Type.String({ pattern: '^[1-9][0-9]{0,3}$', description: `an integer from 1 to ${max}` })),
    after: Type.Optional(Type.String({ pattern: '^[1-9][0-9]{0,9}$', description: 'the nextAfter of the previous page' })),
    ...extra,
  });

/** The schemas of the routes that run a room (issue 10). */
export const roomAdministrationSchemas = {
  addMember: {
    summary: 'Add a member (owner or admin; in a public room any member)',
    tags: ['rooms'],
    params: pathIdParams('roomId'),
    querystring: NoQuery,
    body: strictObject({ userId: Id }),
    response: withErrors({ 201: RoomMember }),
  },
  removeMember: {
    summary: 'Remove a member (owner: anyone; admin: members; anyone: themself, which is leaving)',
    tags: ['rooms'],
    params: roomAndMember,
    querystring: NoQuery,
    body: NoBody,
    response: withErrors({ 200: Type.Object({ roomId: Id, userId: Id, removed: Type.Boolean() }) }),
  },
  setRole: {
    summary: "Set a member's role (owner only; \"owner\" hands ownership over, the previous owner becoming an admin)",
    tags: ['rooms'],
    params: roomAndMember,
    querystring: NoQuery,
    body: strictObject({ role: Role }),
    response: withErrors({ 200: RoomMember }),
  },
  update: {
    summary: 'Rename a room and/or change its visibility (owner or admin)',
    tags: ['rooms'],
    params: pathIdParams('roomId'),
    querystring: NoQuery,
    body: strictObject({ name: Type.Optional(Type.String({ description: '1-64 characters' })), visibility: Type.Optional(Visibility) }),
    response: withErrors({ 200: RoomInfo }),
  },
  delete: {
    summary: 'Delete a room with its history (owner only); every member is told',
    tags: ['rooms'],
    params: pathIdParams('roomId'),
    querystring: NoQuery,
    body: NoBody,
    response: withErrors({ 200: Type.Object({ roomId: Id, deleted: Type.Boolean() }) }),
  },
  members: {
    summary: 'A page of the members, by userId (members only)',
    tags: ['rooms'],
    params: pathIdParams('roomId'),
    querystring: pageQuery(ROOM_MEMBERS_MAX_LIMIT),
    response: withErrors({
      200: Type.Object({
        members: Type.Array(
          Type.Object({
            userId: Id,
            username: Type.String(),
            role: Role,
            joinedAt: Type.String(),
            readSeq: Type.Integer({ minimum: 0, description: 'the seq of the last message this member has read here (0: none)' }),
          }),
        ),
        nextAfter: NextAfter,
      }),
    }),
  },
  publicRooms: {
    summary: 'The directory of public rooms, matched on name case-insensitively, with member counts',
    tags: ['rooms'],
    querystring: pageQuery(PUBLIC_ROOMS_MAX_LIMIT, { q: Type.Optional(Type.String({ maxLength: 256, description: 'part of the name' })) }),
    response: withErrors({
      200: Type.Object({
        rooms: Type.Array(Type.Object({ roomId: Id, name: Type.String(), visibility: Visibility, memberCount: Type.Integer({ minimum: 0 }) })),
        nextAfter: NextAfter,
      }),
    }),
  },
} as const;
