import type { StatementSync } from 'node:sqlite';
import type { SqliteDatabase } from '@chatterroom/platform/sqlite';
import type { NewSession, RotateRefreshTokenInput, SessionStore, StoredSession } from '../../ports';
import { SPENT_REFRESH_HASHES_KEPT } from '../../ports';

interface SessionRow {
  session_id: string;
  user_id: number;
  created_at: string;
  last_used_at: string;
  expires_at: string;
  refresh_token_hash: string;
  spent_hashes: string;
  revoked_at: string | null;
  user_agent: string | null;
  ip: string | null;
}

const COLUMNS = 'session_id, user_id, created_at, last_used_at, expires_at, refresh_token_hash, spent_hashes, revoked_at, user_agent, ip';

/**
 * {@link SessionStore} on SQLite (`sessions` table of DATA_DIR/users.db), so sessions and refresh
 * tokens survive a restart. Rotation and revocation read and update the row inside one write
 * transaction (BEGIN IMMEDIATE, see SqliteDatabase.write): of concurrent rotations from one
 * hash, exactly one finds it still current. Spent hashes are a JSON array, newest last.
 */
export class SqliteSessionStore implements SessionStore {
  private readonly database: SqliteDatabase;
  private readonly insertOne: StatementSync;
  private readonly byId: StatementSync;
  private readonly rotate: StatementSync;
  private readonly revokeOne: StatementSync;
  private readonly activeOfUser: StatementSync;

  constructor(deps: { usersSqlite: SqliteDatabase }) {
    this.database = deps.usersSqlite;
    const { db } = this.database;
    this.insertOne = db.prepare(
      `INSERT INTO sessions (session_id, user_id, created_at, last_used_at, expires_at, refresh_token_hash, user_agent, ip)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING ${COLUMNS}`,
    );
    this.byId = db.prepare(`SELECT ${COLUMNS} FROM sessions WHERE session_id = ?`);
    this.rotate = db.prepare(
      `UPDATE sessions SET refresh_token_hash = ?, spent_hashes = ?, last_used_at = ?, user_agent = COALESCE(?, user_agent), ip = COALESCE(?, ip)
       WHERE session_id = ? AND refresh_token_hash = ? AND revoked_at IS NULL RETURNING ${COLUMNS}`,
    );
    this.revokeOne = db.prepare(`UPDATE sessions SET revoked_at = COALESCE(revoked_at, ?) WHERE session_id = ? RETURNING ${COLUMNS}`);
    this.activeOfUser = db.prepare(
      `SELECT ${COLUMNS} FROM sessions WHERE user_id = ? AND revoked_at IS NULL AND expires_at > ? ORDER BY created_at DESC, session_id DESC`,
    );
  }

  async create(session: NewSession): Promise<StoredSession> {
    const row = await this.database.write(() =>
      this.insertOne.get(
        session.sessionId, session.userId, session.createdAt, session.lastUsedAt, session.expiresAt, session.refreshTokenHash,
        session.userAgent ?? null, session.ip ?? null,
      ),
    );
    return toStoredSession(row as unknown as SessionRow);
  }

  async findById(sessionId: string): Promise<StoredSession | null> {
    const row = this.byId.get(sessionId) as SessionRow | undefined;
    return row === undefined ? null : toStoredSession(row);
  }

  async rotateRefreshToken(input: RotateRefreshTokenInput): Promise<StoredSession | null> {
    const row = await this.database.write(() => {
      const current = this.byId.get(input.sessionId) as SessionRow | undefined;
      if (current === undefined || current.revoked_at !== null || current.refresh_token_hash !== input.currentHash) return undefined;
      const spent = [...(JSON.parse(current.spent_hashes) as string[]), input.currentHash].slice(-SPENT_REFRESH_HASHES_KEPT);
      return this.rotate.get(
        input.nextHash, JSON.stringify(spent), input.usedAt, input.userAgent ?? null, input.ip ?? null, input.sessionId, input.currentHash,
      ) as SessionRow | undefined;
    });
    return row === undefined ? null : toStoredSession(row);
  }

  async revoke(sessionId: string, at: string): Promise<StoredSession | null> {
    const row = (await this.database.write(() => this.revokeOne.get(at, sessionId))) as SessionRow | undefined;
    return row === undefined ? null : toStoredSession(row);
  }

  async listActive(userId: number, now: string): Promise<StoredSession[]> {
    return (this.activeOfUser.all(userId, now) as unknown as SessionRow[]).map(toStoredSession);
  }
}

const toStoredSession = (row: SessionRow): StoredSession => ({
  sessionId: row.session_id,
  userId: row.user_id,
  createdAt: row.created_at,
  lastUsedAt: row.last_used_at,
  expiresAt: row.expires_at,
  refreshTokenHash: row.refresh_token_hash,
  spentRefreshTokenHashes: JSON.parse(row.spent_hashes) as string[],
  revokedAt: row.revoked_at,
  ...(row.user_agent === null ? {} : { userAgent: row.user_agent }),
  ...(row.ip === null ? {} : { ip: row.ip }),
});
