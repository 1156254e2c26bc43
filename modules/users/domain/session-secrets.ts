import { createHash, randomBytes } from 'node:crypto';

const SESSION_ID_PATTERN = /^[A-Za-z0-9_-]{22}$/;
const REFRESH_TOKEN_PATTERN = /^([A-Za-z0-9_-]{22})\.[A-Za-z0-9_-]{43}$/;
const TICKET_PATTERN = /^[A-Za-z0-9_-]{43}$/;

export const newSessionId = (): string => randomBytes(16).toString('base64url');

/** `<sessionId>.<256 random bits>`: opaque to clients; only its hash is stored. */
export const newRefreshToken = (sessionId: string): string => `${sessionId}.${randomBytes(32).toString('base64url')}`;

/** The session a well-formed refresh token belongs to, or undefined. */
export const sessionIdOfRefreshToken = (token: unknown): string | undefined =>
  typeof token === 'string' ? REFRESH_TOKEN_PATTERN.exec(token)?.[1] : undefined;

export const isSessionId = (value: unknown): value is string => typeof value === 'string' && SESSION_ID_PATTERN.test(value);

export const newTicket = (): string => randomBytes(32).toString('base64url');

export const isWellFormedTicket = (value: unknown): value is string => typeof value === 'string' && TICKET_PATTERN.test(value);

/** SHA-256, hex: refresh tokens and tickets are 256-bit random, so no salt or slow hash is needed. */
export const secretHash = (secret: string): string => createHash('sha256').update(secret).digest('hex');
