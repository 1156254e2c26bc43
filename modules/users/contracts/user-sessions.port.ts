import type { AccessToken, TokenClaims } from './user.dto';

export interface RefreshSessionInput {
  readonly refreshToken: string;
  /** Shown in the session list; at most 256 characters are kept. */
  readonly userAgent?: string;
  readonly ip?: string;
}

export interface SessionRef {
  /** The session's owner: a session of anyone else is answered as not found. */
  readonly userId: number;
  readonly sessionId: string;
}

export interface ListSessionsInput {
  readonly userId: number;
  /** Marked `current: true` in the answer. */
  readonly currentSessionId?: string;
}

/** A session as its owner sees it. */
export interface SessionSummary {
  readonly sessionId: string;
  readonly createdAt: string;
  readonly lastUsedAt: string;
  readonly userAgent?: string;
  readonly ip?: string;
  readonly current: boolean;
}

export interface WsTicketInput extends SessionRef {
  /** The expiry of the access token that asks: a socket opened with the ticket ends then. */
  readonly expiresAt: string;
}

/** What a redeemed ticket stands for, and a fresh access token of that session. */
export interface RedeemedWsTicket extends TokenClaims {
  /**
   * An access token of the ticket's session, issued at redemption: what the socket's
   * gateway forwards to the services for the socket's calls (the ticket itself is spent).
   */
  readonly token: string;
}

export interface WsTicket {
  readonly ticket: string;
  readonly expiresIn: number;
}

/** Inbound port: the sessions a sign-in opens, their refresh tokens, and WebSocket tickets. */
export interface UserSessions {
  /**
   * Redeems a refresh token for a new access token and a new refresh token (the old one
   * is spent). A spent token presented again means it was copied: the whole session is
   * revoked. Not idempotent by design.
   * @throws DomainError AUTH_INVALID_REFRESH_TOKEN (unknown, expired, revoked session),
   *   AUTH_REFRESH_TOKEN_REUSED (the session is revoked now), VALIDATION_FAILED
   */
  refresh(input: RefreshSessionInput): Promise<AccessToken>;

  /**
   * Ends one session of `userId` at once: its access tokens are refused everywhere and
   * its refresh token is dead. Idempotent (ending an ended session succeeds).
   * @throws DomainError USERS_SESSION_NOT_FOUND (no such session of this user), VALIDATION_FAILED
   */
  revokeSession(input: SessionRef): Promise<void>;

  /** The user's live sessions, newest first. Read-only. @throws DomainError VALIDATION_FAILED */
  listSessions(input: ListSessionsInput): Promise<SessionSummary[]>;

  /**
   * True while the session exists, belongs to `userId` and is not revoked or expired.
   * Read-only; what remote verifiers ask on a session they have not seen yet.
   * @throws DomainError VALIDATION_FAILED
   */
  isSessionActive(input: SessionRef): Promise<boolean>;

  /**
   * A single-use WebSocket ticket (30 s) standing for the caller's session.
   * @throws DomainError AUTH_INVALID_TOKEN (the session ended), VALIDATION_FAILED
   */
  issueWsTicket(input: WsTicketInput): Promise<WsTicket>;

  /**
   * Spends a ticket once: the claims it stands for (`expiresAt` is the expiry of the token
   * that asked for it, when the socket ends) and a fresh access token of the same session.
   * A second redemption, on any gateway, fails. Not idempotent by design.
   * @throws DomainError AUTH_INVALID_TICKET (unknown, spent, expired, or its session ended)
   */
  redeemWsTicket(input: { readonly ticket: string }): Promise<RedeemedWsTicket>;
}
