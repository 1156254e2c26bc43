/** JSON schemas of the session routes (fastify validates bodies and params, serializes replies). */

const tokenPair = {
  type: 'object',
  additionalProperties: false,
  required: ['token', 'refreshToken', 'expiresIn', 'sessionId'],
  properties: {
    token: { type: 'string' },
    refreshToken: { type: 'string' },
    expiresIn: { type: 'integer' },
    sessionId: { type: 'string' },
  },
} as const;

export const refreshSchema = {
  body: {
    type: 'object',
    additionalProperties: false,
    required: ['refreshToken'],
    properties: { refreshToken: { type: 'string', minLength: 1, maxLength: 512 } },
  },
  response: { 200: tokenPair },
} as const;

export const noBodySchema = {
  body: { type: 'object', additionalProperties: false, properties: {}, nullable: true },
} as const;

export const logoutSchema = {
  ...noBodySchema,
  response: {
    200: { type: 'object', additionalProperties: false, required: ['loggedOut'], properties: { loggedOut: { type: 'boolean' } } },
  },
} as const;

export const listSessionsSchema = {
  response: {
    200: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['sessionId', 'createdAt', 'lastUsedAt', 'current'],
        properties: {
          sessionId: { type: 'string' },
          createdAt: { type: 'string' },
          lastUsedAt: { type: 'string' },
          userAgent: { type: 'string' },
          ip: { type: 'string' },
          current: { type: 'boolean' },
        },
      },
    },
  },
} as const;

export const revokeSessionSchema = {
  params: {
    type: 'object',
    additionalProperties: false,
    required: ['sessionId'],
    properties: { sessionId: { type: 'string', minLength: 1, maxLength: 64 } },
  },
  response: {
    200: {
      type: 'object',
      additionalProperties: false,
      required: ['sessionId', 'revoked'],
      properties: { sessionId: { type: 'string' }, revoked: { type: 'boolean' } },
    },
  },
} as const;

export const wsTicketSchema = {
  ...noBodySchema,
  response: {
    200: {
      type: 'object',
      additionalProperties: false,
      required: ['ticket', 'expiresIn'],
      properties: { ticket: { type: 'string' }, expiresIn: { type: 'integer' } },
    },
  },
} as const;

export const jwksSchema = {
  response: {
    200: {
      type: 'object',
      additionalProperties: false,
      required: ['keys'],
      properties: {
        keys: {
          type: 'array',
          items: {
            type: 'object',
            additionalProperties: false,
            required: ['kty', 'crv', 'x', 'kid', 'alg', 'use'],
            properties: {
              kty: { type: 'string' },
              crv: { type: 'string' },
              x: { type: 'string' },
              kid: { type: 'string' },
              alg: { type: 'string' },
              use: { type: 'string' },
            },
          },
        },
      },
    },
  },
} as const;
