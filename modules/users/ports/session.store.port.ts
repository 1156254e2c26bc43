/** A sign-in session as stored. Refresh tokens are kept only as SHA-256 hashes. */
export interface StoredSession {
  readonly sessionId: string;
  readonly userId: number;
  readonly createdAt: string;
  readonly lastUsedAt: string;
  /** The session and its refresh token end then, however often it is refreshed. */
  readonly expiresAt: string;
  readonly refreshTokenHash: string;
  /** Hashes of spent refresh tokens (the newest few), so a reuse can be told from a forgery. */
  readonly spentRefreshTokenHashes: readonly string[];
  /** Set once the session is revoked; never cleared. */
  readonly revokedAt: string | null;
  readonly userAgent?: string;
  readonly ip?: string;
}

export type NewSession = Omit<StoredSession, 'revokedAt' | 'spentRefreshTokenHashes'>;

export interface RotateRefreshTokenInput {
  readonly sessionId: string;
  /** The hash the session must hold now: the write happens only if it still does. */
  readonly currentHash: string;
  readonly nextHash: string;
  readonly usedAt: string;
  readonly userAgent?: string;
  readonly ip?: string;
}

/** How many spent refresh-token hashes a session remembers. */
export const SPENT_REFRESH_HASHES_KEPT = 32;

/** Outbound port: durable storage of sessions. */
export interface SessionStore {
  /**
   * Stores a new session.
   * @throws Error when `sessionId` exists already or the storage fails
   */
  create(session: NewSession): Promise<StoredSession>;

  /** The session, revoked or not, or null when none has that id. */
  findById(sessionId: string): Promise<StoredSession | null>;

  /**
   * Atomically replaces the refresh-token hash when the session still holds `currentHash`
   * and is not revoked: the old hash joins the spent ones (the newest
   * {@link SPENT_REFRESH_HASHES_KEPT}), `lastUsedAt` becomes `usedAt`. Returns the
   * updated session, or null when another call won the race or the session is revoked or gone.
   */
  rotateRefreshToken(input: RotateRefreshTokenInput): Promise<StoredSession | null>;

  /**
   * Marks the session revoked at `at` (kept: the first revocation time stays).
   * Returns the session as stored afterwards, or null when there is none. Idempotent.
   */
  revoke(sessionId: string, at: string): Promise<StoredSession | null>;

  /** The user's sessions neither revoked nor expired at `now`, newest first. */
  listActive(userId: number, now: string): Promise<StoredSession[]>;
}
