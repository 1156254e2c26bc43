import { EntitySchema } from '@mikro-orm/core';

/** A signing key in `signing_keys`; `_id` is its kid. */
export interface SigningKeyDocument {
  _id: string;
  publicJwk: Record<string, string>;
  privateJwk: Record<string, string>;
  createdAt: Date;
}

export const signingKeySchema = new EntitySchema<SigningKeyDocument>({
  name: 'SigningKeyDocument',
  collection: 'signing_keys',
  properties: {
    _id: { type: 'string', primary: true },
    publicJwk: { type: 'json' },
    privateJwk: { type: 'json' },
    createdAt: { type: 'Date' },
  },
});

/** A session in `sessions`; `_id` is the sessionId. */
export interface SessionDocument {
  _id: string;
  userId: number;
  createdAt: Date;
  lastUsedAt: Date;
  expiresAt: Date;
  refreshTokenHash: string;
  spentRefreshTokenHashes: string[];
  revokedAt: Date | null;
  userAgent?: string;
  ip?: string;
}

export const sessionSchema = new EntitySchema<SessionDocument>({
  name: 'SessionDocument',
  collection: 'sessions',
  properties: {
    _id: { type: 'string', primary: true },
    userId: { type: 'number' },
    createdAt: { type: 'Date' },
    lastUsedAt: { type: 'Date' },
    expiresAt: { type: 'Date' },
    refreshTokenHash: { type: 'string' },
    spentRefreshTokenHashes: { type: 'json' },
    revokedAt: { type: 'Date', nullable: true },
    userAgent: { type: 'string', nullable: true },
    ip: { type: 'string', nullable: true },
  },
  indexes: [{ name: 'sessions_user_created', properties: ['userId', 'createdAt'] }],
});

/** A WebSocket ticket in `ws_tickets`; `_id` is the ticket's hash. */
export interface TicketDocument {
  _id: string;
  userId: number;
  sessionId: string;
  tokenExpiresAt: Date;
  expiresAt: Date;
}

export const ticketSchema = new EntitySchema<TicketDocument>({
  name: 'TicketDocument',
  collection: 'ws_tickets',
  properties: {
    _id: { type: 'string', primary: true },
    userId: { type: 'number' },
    sessionId: { type: 'string' },
    tokenExpiresAt: { type: 'Date' },
    expiresAt: { type: 'Date' },
  },
  indexes: [{ name: 'ws_tickets_expires', properties: ['expiresAt'] }],
});
