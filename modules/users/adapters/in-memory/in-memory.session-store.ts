import type { NewSession, RotateRefreshTokenInput, SessionStore, StoredSession } from '../../ports';
import { SPENT_REFRESH_HASHES_KEPT } from '../../ports';

/** {@link SessionStore} in process memory; single-threaded, so every update is atomic. */
export class InMemorySessionStore implements SessionStore {
  private readonly sessions = new Map<string, StoredSession>();

  async create(session: NewSession): Promise<StoredSession> {
    if (this.sessions.has(session.sessionId)) throw new Error(`session ${session.sessionId} exists already`);
    const stored: StoredSession = { ...structuredClone(session), spentRefreshTokenHashes: [], revokedAt: null };
    this.sessions.set(session.sessionId, stored);
    return structuredClone(stored);
  }

  async findById(sessionId: string): Promise<StoredSession | null> {
    const found = this.sessions.get(sessionId);
    return found === undefined ? null : structuredClone(found);
  }

  async rotateRefreshToken(input: RotateRefreshTokenInput): Promise<StoredSession | null> {
    const session = this.sessions.get(input.sessionId);
    if (session === undefined || session.revokedAt !== null || session.refreshTokenHash !== input.currentHash) return null;
    const updated: StoredSession = {
      ...session,
      refreshTokenHash: input.nextHash,
      spentRefreshTokenHashes: [...session.spentRefreshTokenHashes, input.currentHash].slice(-SPENT_REFRESH_HASHES_KEPT),
      lastUsedAt: input.usedAt,
      ...(input.userAgent === undefined ? {} : { userAgent: input.userAgent }),
      ...(input.ip === undefined ? {} : { ip: input.ip }),
    };
    this.sessions.set(input.sessionId, updated);
    return structuredClone(updated);
  }

  async revoke(sessionId: string, at: string): Promise<StoredSession | null> {
    const session = this.sessions.get(sessionId);
    if (session === undefined) return null;
    const revoked = session.revokedAt === null ? { ...session, revokedAt: at } : session;
    this.sessions.set(sessionId, revoked);
    return structuredClone(revoked);
  }

  async listActive(userId: number, now: string): Promise<StoredSession[]> {
    return [...this.sessions.values()]
      .filter((session) => session.userId === userId && session.revokedAt === null && session.expiresAt > now)
      .sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.sessionId.localeCompare(a.sessionId))
      .map((session) => structuredClone(session));
  }
}
