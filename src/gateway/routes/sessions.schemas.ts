import { Type } from '@sinclair/typebox';
import { NoBody, NoQuery, strictObject, withErrors } from '../schemas/common.schemas';

/** What a sign-in and a refresh answer: a short access token and the session's next refresh token. */
export const TokenPair = Type.Object(
  {
    token: Type.String({ description: 'the access token (EdDSA JWT), sent as Authorization: Bearer' }),
    refreshToken: Type.String({ description: 'single use: POST /users/refresh answers the next one' }),
    expiresIn: Type.Integer({ description: 'seconds until the access token expires' }),
    sessionId: Type.String(),
  },
  { required: ['token', 'refreshToken', 'expiresIn', 'sessionId'] },
);

const SessionSummary = Type.Object(
  {
    sessionId: Type.String(),
    createdAt: Type.String(),
    lastUsedAt: Type.String(),
    userAgent: Type.Optional(Type.String()),
    ip: Type.Optional(Type.String()),
    current: Type.Boolean({ description: 'the session of the token that asks' }),
  },
  { required: ['sessionId', 'createdAt', 'lastUsedAt', 'current'] },
);

const PublicKey = Type.Object(
  { kty: Type.String(), crv: Type.String(), x: Type.String(), kid: Type.String(), alg: Type.String(), use: Type.String() },
  { required: ['kty', 'crv', 'x', 'kid', 'alg', 'use'] },
);

/** The schemas of the session routes: request shapes and every answer, for validation and OpenAPI. */
export const sessionsSchemas = {
  refresh: {
    summary: 'Exchange a refresh token for a new access token and refresh token (the old one is spent)',
    tags: ['sessions'],
    querystring: NoQuery,
    body: strictObject({ refreshToken: Type.String({ minLength: 1, maxLength: 512 }) }),
    response: withErrors({ 200: TokenPair }),
  },
  logout: {
    summary: "Sign out: end the caller's session (its tokens are refused and its sockets closed)",
    tags: ['sessions'],
    querystring: NoQuery,
    body: NoBody,
    response: withErrors({ 200: Type.Object({ loggedOut: Type.Boolean() }, { required: ['loggedOut'] }) }),
  },
  list: {
    summary: "The caller's live sessions, newest first",
    tags: ['sessions'],
    querystring: NoQuery,
    response: withErrors({ 200: Type.Array(SessionSummary) }),
  },
  revoke: {
    summary: "End one of the caller's sessions",
    tags: ['sessions'],
    params: strictObject({ sessionId: Type.String({ minLength: 1, maxLength: 64 }) }),
    querystring: NoQuery,
    response: withErrors({ 200: Type.Object({ sessionId: Type.String(), revoked: Type.Boolean() }, { required: ['sessionId', 'revoked'] }) }),
  },
  wsTicket: {
    summary: 'A single-use ticket (30 s) opening /ws/chat or a GraphQL socket without a token in the URL',
    tags: ['sessions'],
    querystring: NoQuery,
    body: NoBody,
    response: withErrors({ 200: Type.Object({ ticket: Type.String(), expiresIn: Type.Integer() }, { required: ['ticket', 'expiresIn'] }) }),
  },
  jwks: {
    summary: 'The public keys verifying access tokens (JWKS)',
    tags: ['sessions'],
    querystring: NoQuery,
    response: withErrors({ 200: Type.Object({ keys: Type.Array(PublicKey) }, { required: ['keys'] }) }),
  },
} as const;
