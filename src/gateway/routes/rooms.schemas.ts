import { Type } from '@sinclair/typebox';
import { NoBody, NoQuery, pathIdParams, strictObject, withErrors } from '../schemas/common.schemas';

const RoomId = Type.Integer({ minimum: 1 });
export const Visibility = Type.Union([Type.Literal('public'), Type.Literal('private')], { description: '"public" (anyone may find and join) or "private" (members only)' });
export const Role = Type.Union([Type.Literal('owner'), Type.Literal('admin'), Type.Literal('member')]);
const RoomSummary = Type.Object({ roomId: RoomId, name: Type.String() });
const MembershipState = Type.Object({ roomId: RoomId, userId: Type.Integer({ minimum: 1 }), joined: Type.Boolean() });

/** The schemas of the rooms routes. Join and leave take no body (nothing, `null` or `{}`). */
export const roomsSchemas = {
  create: {
    summary: 'Create a room; the caller is its owner, the listed members are added at once (all or none)',
    tags: ['rooms'],
    querystring: NoQuery,
    body: strictObject({
      name: Type.String({ description: '1-64 characters' }),
      visibility: Type.Optional(Type.Union([Visibility, Type.Null()])),
      members: Type.Optional(
        Type.Union([Type.Array(Type.Integer({ minimum: 1, maximum: 2147483647 }), { maxItems: 100, description: 'userIds, at most 100' }), Type.Null()]),
      ),
    }),
    response: withErrors({ 201: RoomSummary }),
  },
  join: {
    summary: 'Join a room (idempotent)',
    tags: ['rooms'],
    params: pathIdParams('roomId'),
    querystring: NoQuery,
    body: NoBody,
    response: withErrors({ 200: MembershipState }),
  },
  leave: {
    summary: 'Leave a room (idempotent)',
    tags: ['rooms'],
    params: pathIdParams('roomId'),
    querystring: NoQuery,
    body: NoBody,
    response: withErrors({ 200: MembershipState }),
  },
  list: {
    summary: 'The rooms the caller is in',
    tags: ['rooms'],
    querystring: NoQuery,
    response: withErrors({ 200: Type.Array(RoomSummary) }),
  },
  get: {
    summary: "A room with its member ids, visibility, member count and the caller's role (members only)",
    tags: ['rooms'],
    params: pathIdParams('roomId'),
    querystring: NoQuery,
    response: withErrors({
      200: Type.Object({
        roomId: RoomId,
        name: Type.String(),
        members: Type.Array(Type.Integer({ minimum: 1 })),
        visibility: Visibility,
        memberCount: Type.Integer({ minimum: 0 }),
        role: Role,
      }),
    }),
  },
} as const;
