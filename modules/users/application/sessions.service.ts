import type { Clock, EventBus, Logger } from '@chatterroom/kernel';
import { createEvent, requirePositiveInt32, validationFailed } from '@chatterroom/kernel';
import type {
  AccessToken,
  ListSessionsInput,
  RedeemedWsTicket,
  RefreshSessionInput,
  SessionRef,
  SessionRevokedV1,
  SessionSummary,
  UserSessions,
  WsTicket,
  WsTicketInput,
} from '../contracts';
import { SESSION_REVOKED_V1, UsersErrors } from '../contracts';
import {
  inputFields,
  isSessionId,
  isWellFormedTicket,
  newRefreshToken,
  newSessionId,
  newTicket,
  secretHash,
  sessionIdOfRefreshToken,
} from '../domain';
import type { SessionCheck, SessionStatus, SessionStore, StoredSession, TicketStore, TokenIssuer } from '../ports';

export interface SessionsServiceDeps {
  readonly sessionStore: SessionStore;
  readonly ticketStore: TicketStore;
  readonly tokenIssuer: TokenIssuer;
  readonly eventBus: EventBus;
  readonly clock: Clock;
  readonly logger: Logger;
  readonly accessTokenTtlSeconds: number;
  /** A session (and its refresh token) ends this long after sign-in (REFRESH_TOKEN_TTL_SECONDS). */
  readonly refreshTokenTtlSeconds: number;
}

export interface OpenSessionInput {
  readonly userId: number;
  readonly userAgent?: string;
  readonly ip?: string;
}

export const WS_TICKET_TTL_SECONDS = 30;
const MAX_CLIENT_TEXT = 256;

const clientText = (value: unknown): string | undefined =>
  typeof value === 'string' && value !== '' ? value.slice(0, MAX_CLIENT_TEXT) : undefined;

const clientDetails = (input: { userAgent?: unknown; ip?: unknown }) => {
  const userAgent = clientText(input.userAgent);
  const ip = clientText(input.ip);
  return { ...(userAgent === undefined ? {} : { userAgent }), ...(ip === undefined ? {} : { ip }) };
};

const sessionRefOf = (input: unknown): SessionRef => {
  const fields = inputFields(input);
  const userId = requirePositiveInt32(fields.userId, 'userId');
  if (typeof fields.sessionId !== 'string' || fields.sessionId === '') throw validationFailed('sessionId must be a non-empty string');
  return { userId, sessionId: fields.sessionId };
};

/**
 * Sessions of the users module: a sign-in opens one (an access token plus a refresh token),
 * a refresh rotates its refresh token (a spent one presented again revokes the session), a
 * revocation publishes `users.session-revoked.v1` so every gateway refuses its tokens at once.
 */
export class SessionsService implements UserSessions, SessionStatus {
  constructor(private readonly deps: SessionsServiceDeps) {}

  async openSession(input: OpenSessionInput): Promise<AccessToken> {
    const sessionId = newSessionId();
    const refreshToken = newRefreshToken(sessionId);
    const now = this.deps.clock.now();
    await this.deps.sessionStore.create({
      sessionId,
      userId: input.userId,
      createdAt: now.toISOString(),
      lastUsedAt: now.toISOString(),
      expiresAt: new Date(now.getTime() + this.deps.refreshTokenTtlSeconds * 1000).toISOString(),
      refreshTokenHash: secretHash(refreshToken),
      ...clientDetails(input),
    });
    const access = await this.deps.tokenIssuer.issue({ userId: input.userId, sessionId });
    return { token: access.token, refreshToken, expiresIn: access.expiresIn, sessionId };
  }

  async refresh(input: RefreshSessionInput): Promise<AccessToken> {
    const fields = inputFields(input);
    if (typeof fields.refreshToken !== 'string') throw validationFailed('refreshToken must be a string');
    const presented = fields.refreshToken;
    const sessionId = sessionIdOfRefreshToken(presented);
    if (sessionId === undefined) throw UsersErrors.invalidRefreshToken();
    const session = await this.deps.sessionStore.findById(sessionId);
    if (session === null || !this.isLive(session)) throw UsersErrors.invalidRefreshToken();
    const hash = secretHash(presented);
    if (session.spentRefreshTokenHashes.includes(hash)) return this.revokeForReuse(session);
    if (hash !== session.refreshTokenHash) throw UsersErrors.invalidRefreshToken();
    const next = newRefreshToken(sessionId);
    const rotated = await this.deps.sessionStore.rotateRefreshToken({
      sessionId,
      currentHash: hash,
      nextHash: secretHash(next),
      usedAt: this.deps.clock.now().toISOString(),
      ...clientDetails(fields),
    });
    // another redemption of the same token won the race: it was used twice
    if (rotated === null) return this.revokeForReuse(session);
    const access = await this.deps.tokenIssuer.issue({ userId: session.userId, sessionId });
    return { token: access.token, refreshToken: next, expiresIn: access.expiresIn, sessionId };
  }

  async revokeSession(input: SessionRef): Promise<void> {
    const { userId, sessionId } = sessionRefOf(input);
    const session = isSessionId(sessionId) ? await this.deps.sessionStore.findById(sessionId) : null;
    if (session === null || session.userId !== userId) throw UsersErrors.sessionNotFound(sessionId);
    await this.revoke(session);
  }

  async listSessions(input: ListSessionsInput): Promise<SessionSummary[]> {
    const fields = inputFields(input);
    const userId = requirePositiveInt32(fields.userId, 'userId');
    const current = typeof fields.currentSessionId === 'string' ? fields.currentSessionId : undefined;
    const sessions = await this.deps.sessionStore.listActive(userId, this.deps.clock.now().toISOString());
    return sessions.map((session) => ({
      sessionId: session.sessionId,
      createdAt: session.createdAt,
      lastUsedAt: session.lastUsedAt,
      ...(session.userAgent === undefined ? {} : { userAgent: session.userAgent }),
      ...(session.ip === undefined ? {} : { ip: session.ip }),
      current: session.sessionId === current,
    }));
  }

  async isSessionActive(input: SessionRef): Promise<boolean> {
    const { userId, sessionId } = sessionRefOf(input);
    if (!isSessionId(sessionId)) return false;
    const session = await this.deps.sessionStore.findById(sessionId);
    return session !== null && session.userId === userId && this.isLive(session);
  }

  /** SessionStatus for the verifier inside the users module: the store itself, no cache. */
  isActive(check: SessionCheck): Promise<boolean> {
    return this.isSessionActive({ userId: check.userId, sessionId: check.sessionId });
  }

  async issueWsTicket(input: WsTicketInput): Promise<WsTicket> {
    const { userId, sessionId } = sessionRefOf(input);
    const tokenExpiresAt = Date.parse(String(inputFields(input).expiresAt));
    if (!Number.isFinite(tokenExpiresAt)) throw validationFailed('expiresAt must be an ISO-8601 time');
    if (!(await this.isSessionActive({ userId, sessionId }))) throw UsersErrors.invalidToken('the session has ended');
    const ticket = newTicket();
    const now = this.deps.clock.now().getTime();
    await this.deps.ticketStore.save({
      ticketHash: secretHash(ticket),
      userId,
      sessionId,
      tokenExpiresAt: new Date(tokenExpiresAt).toISOString(),
      expiresAt: new Date(now + WS_TICKET_TTL_SECONDS * 1000).toISOString(),
    });
    return { ticket, expiresIn: WS_TICKET_TTL_SECONDS };
  }

  async redeemWsTicket(input: { readonly ticket: string }): Promise<RedeemedWsTicket> {
    const ticket = inputFields(input).ticket;
    if (!isWellFormedTicket(ticket)) throw UsersErrors.invalidTicket();
    const stored = await this.deps.ticketStore.consume(secretHash(ticket), this.deps.clock.now().toISOString());
    if (stored === null || !(await this.isSessionActive({ userId: stored.userId, sessionId: stored.sessionId }))) {
      throw UsersErrors.invalidTicket();
    }
    const access = await this.deps.tokenIssuer.issue({ userId: stored.userId, sessionId: stored.sessionId });
    return { userId: stored.userId, sessionId: stored.sessionId, expiresAt: stored.tokenExpiresAt, token: access.token };
  }

  private isLive(session: StoredSession): boolean {
    return session.revokedAt === null && session.expiresAt > this.deps.clock.now().toISOString();
  }

  private async revokeForReuse(session: StoredSession): Promise<never> {
    this.deps.logger.warn({ sessionId: session.sessionId, userId: session.userId }, 'refresh token reused: session revoked');
    await this.revoke(session);
    throw UsersErrors.refreshTokenReused();
  }

  /** Revokes, then announces it; a failed publish is logged (verifiers still ask the store on a miss). */
  private async revoke(session: StoredSession): Promise<void> {
    const now = this.deps.clock.now();
    await this.deps.sessionStore.revoke(session.sessionId, now.toISOString());
    const payload: SessionRevokedV1 = {
      userId: session.userId,
      sessionId: session.sessionId,
      tokensValidUntil: new Date(now.getTime() + this.deps.accessTokenTtlSeconds * 1000).toISOString(),
    };
    const event = createEvent(SESSION_REVOKED_V1, payload, now);
    try {
      await this.deps.eventBus.publish(event);
    } catch (error) {
      this.deps.logger.error({ err: error, eventId: event.id, sessionId: session.sessionId }, 'could not publish a session revocation');
    }
  }
}
