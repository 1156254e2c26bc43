import type { NewSession, RotateRefreshTokenInput, SessionStore, StoredSession } from '../../ports';
import { SPENT_REFRESH_HASHES_KEPT } from '../../ports';

/** A session as kept and handed out: frozen, its list too, so no caller can change what is stored. */
const frozen = (session: StoredSession): StoredSession =>
  Object.freeze({ ...session, spentRefreshTokenHashes: Object.freeze([...session.spentRefreshTokenHashes]) });

/**
 * {@link SessionStore} in process memory; single-threaded, so every update is atomic. Sessions are
 * stored frozen and replaced on every change, so reads hand out the stored object itself (a token
 * check per request reads one) instead of a copy.
 */
export class InMemorySessionStore implements SessionStore {
  private readonly sessions = new Map<string, StoredSession>();

  async create(session: NewSession): Promise<StoredSession> {
    if (this.sessions.has(session.sessionId)) throw new Error(`session ${session.sessionId} exists already`);
    const stored = frozen({ ...session, spentRefreshTokenHashes: [], revokedAt: null });
    this.sessions.set(session.sessionId, stored);
    return stored;
  }

  async findById(sessionId: string): Promise<StoredSession | null> {
    const found = this.sessions.get(sessionId);
    return found ?? null;
  }

  async rotateRefreshToken(input: RotateRefreshTokenInput): Promise<StoredSession | null> {
    const session = this.sessions.get(input.sessionId);
    if (session === undefined || session.revokedAt !== null || session.refreshTokenHash !== input.currentHash) return null;
    const updated = frozen({
      ...session,
      refreshTokenHash: input.nextHash,
      spentRefreshTokenHashes: [...session.spentRefreshTokenHashes, input.currentHash].slice(-SPENT_REFRESH_HASHES_KEPT),
      lastUsedAt: input.usedAt,
      ...(input.userAgent === undefined ? {} : { userAgent: input.userAgent }),
      ...(input.ip === undefined ? {} : { ip: input.ip }),
    });
    this.sessions.set(input.sessionId, updated);
    return updated;
  }

  async revoke(sessionId: string, at: string): Promise<StoredSession | null> {
    const session = this.sessions.get(sessionId);
    if (session === undefined) return null;
    const revoked = session.revokedAt === null ? frozen({ ...session, revokedAt: at }) : session;
    this.sessions.set(sessionId, revoked);
    return revoked;
  }

  async listActive(userId: number, now: string): Promise<StoredSession[]> {
    return [...this.sessions.values()]
      .filter((session) => session.userId === userId && session.revokedAt === null && session.expiresAt > now)
      .sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.sessionId.localeCompare(a.sessionId));
  }
}
