import type { MikroORM } from '@mikro-orm/mongodb';
import type { NewSession, RotateRefreshTokenInput, SessionStore, StoredSession } from '../../ports';
import { SPENT_REFRESH_HASHES_KEPT } from '../../ports';
import { MongoClaims } from './mongo-claims';
import { sessionSchema, type SessionDocument } from './session.schemas';

/**
 * {@link SessionStore} on MongoDB through MikroORM: one `sessions` document per session,
 * `_id` the sessionId. Rotation first claims the presented hash ({@link MongoClaims}: a
 * unique insert), then updates conditionally (the filter holds the expected hash and
 * `revokedAt: null`), so of two refreshes with one token only one wins, across replicas and
 * without transactions — also on FerretDB, whose `findOneAndUpdate` is not isolated.
 */
export class MikroOrmSessionStore implements SessionStore {
  private readonly claims: MongoClaims;

  constructor(private readonly deps: { mongoOrm: MikroORM }) {
    this.claims = new MongoClaims(deps);
  }

  async create(session: NewSession): Promise<StoredSession> {
    const document: SessionDocument = {
      _id: session.sessionId,
      userId: session.userId,
      createdAt: new Date(session.createdAt),
      lastUsedAt: new Date(session.lastUsedAt),
      expiresAt: new Date(session.expiresAt),
      refreshTokenHash: session.refreshTokenHash,
      spentRefreshTokenHashes: [],
      revokedAt: null,
      ...(session.userAgent === undefined ? {} : { userAgent: session.userAgent }),
      ...(session.ip === undefined ? {} : { ip: session.ip }),
    };
    await this.collection().insertOne(document);
    return toStoredSession(document);
  }

  async findById(sessionId: string): Promise<StoredSession | null> {
    const document = await this.collection().findOne({ _id: sessionId });
    return document === null ? null : toStoredSession(document);
  }

  async rotateRefreshToken(input: RotateRefreshTokenInput): Promise<StoredSession | null> {
    const current = await this.collection().findOne({ _id: input.sessionId });
    if (current === null || current.revokedAt !== null || current.refreshTokenHash !== input.currentHash) return null;
    if (!(await this.claims.claim(`refresh:${input.sessionId}:${input.currentHash}`))) return null;
    const spent = [...current.spentRefreshTokenHashes, input.currentHash].slice(-SPENT_REFRESH_HASHES_KEPT);
    const updated = await this.collection().findOneAndUpdate(
      { _id: input.sessionId, refreshTokenHash: input.currentHash, revokedAt: null },
      {
        $set: {
          refreshTokenHash: input.nextHash,
          spentRefreshTokenHashes: spent,
          lastUsedAt: new Date(input.usedAt),
          ...(input.userAgent === undefined ? {} : { userAgent: input.userAgent }),
          ...(input.ip === undefined ? {} : { ip: input.ip }),
        },
      },
      { returnDocument: 'after' },
    );
    return updated === null ? null : toStoredSession(updated);
  }

  async revoke(sessionId: string, at: string): Promise<StoredSession | null> {
    await this.collection().updateOne({ _id: sessionId, revokedAt: null }, { $set: { revokedAt: new Date(at) } });
    return this.findById(sessionId);
  }

  async listActive(userId: number, now: string): Promise<StoredSession[]> {
    const documents = await this.collection()
      .find({ userId, revokedAt: null, expiresAt: { $gt: new Date(now) } })
      .sort({ createdAt: -1, _id: -1 })
      .toArray();
    return documents.map(toStoredSession);
  }

  private collection() {
    return this.deps.mongoOrm.em.getCollection<SessionDocument>(sessionSchema);
  }
}

const toStoredSession = (document: SessionDocument): StoredSession => ({
  sessionId: document._id,
  userId: document.userId,
  createdAt: document.createdAt.toISOString(),
  lastUsedAt: document.lastUsedAt.toISOString(),
  expiresAt: document.expiresAt.toISOString(),
  refreshTokenHash: document.refreshTokenHash,
  spentRefreshTokenHashes: [...document.spentRefreshTokenHashes],
  revokedAt: document.revokedAt === null || document.revokedAt === undefined ? null : document.revokedAt.toISOString(),
  ...(typeof document.userAgent === 'string' ? { userAgent: document.userAgent } : {}),
  ...(typeof document.ip === 'string' ? { ip: document.ip } : {}),
});
