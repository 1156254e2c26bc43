import { Type } from '@sinclair/typebox';
import { NoQuery, pathIdParams, strictObject, withErrors } from '../schemas/common.schemas';
import { TokenPair } from './sessions.schemas';

const UserId = Type.Integer({ minimum: 1 });

/** The schemas of the users routes: request shapes and every answer, for validation and OpenAPI. */
export const usersSchemas = {
  create: {
    summary: 'Register a user',
    tags: ['users'],
    querystring: NoQuery,
    body: strictObject({
      username: Type.String({ description: '3-32 characters of A-Z a-z 0-9 _ . -, unique ignoring case' }),
      email: Type.String({ description: 'a valid email, unique ignoring case' }),
      password: Type.String({ description: '8-72 bytes' }),
    }),
    response: withErrors({
      201: Type.Object({ userId: UserId, username: Type.String(), email: Type.String() }, { required: ['userId', 'username', 'email'] }),
    }),
  },
  authenticate: {
    summary: 'Sign in: open a session, answered with an access token and a refresh token',
    tags: ['users'],
    querystring: NoQuery,
    body: strictObject({ username: Type.String(), password: Type.String() }),
    response: withErrors({ 200: TokenPair }),
  },
  get: {
    summary: 'A user; the email only when it is the caller',
    tags: ['users'],
    params: pathIdParams('userId'),
    querystring: NoQuery,
    response: withErrors({
      200: Type.Object({
        userId: UserId,
        username: Type.String(),
        email: Type.Optional(Type.String()),
        presence: Type.Optional(
          Type.Object(
            {
              status: Type.Union([Type.Literal('online'), Type.Literal('offline')]),
              lastSeenAt: Type.Optional(Type.String({ description: 'ISO-8601 UTC: when the last socket closed (offline only)' })),
            },
            { description: 'online while any socket of the user is open on any gateway; left out when it cannot be read' },
          ),
        ),
      }),
    }),
  },
  me: {
    summary: 'The caller, email included',
    tags: ['users'],
    querystring: NoQuery,
    response: withErrors({
      200: Type.Object({ userId: UserId, username: Type.String(), email: Type.String() }, { required: ['userId', 'username', 'email'] }),
    }),
  },
  search: {
    summary: 'Find people by username prefix, ignoring case (usernames only, never emails)',
    tags: ['users'],
    querystring: strictObject({
      q: Type.String({ description: "a username prefix: 1-32 characters of A-Z a-z 0-9 _ . -" }),
      limit: Type.Optional(Type.String({ pattern: '^(?:[1-9]|[1-4][0-9]|50)$', description: 'an integer from 1 to 50 (default 20)' })),
    }),
    response: withErrors({
      200: Type.Array(Type.Object({ userId: UserId, username: Type.String() }, { required: ['userId', 'username'] }), {
        description: 'ascending by lower-cased username',
      }),
    }),
  },
} as const;
