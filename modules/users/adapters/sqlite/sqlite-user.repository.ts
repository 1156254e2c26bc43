import type { StatementSync } from 'node:sqlite';
import type { SqliteDatabase } from '@chatterroom/platform/sqlite';
import { UsersErrors } from '../../contracts';
import type { NewUser, StoredUser, UserRepository } from '../../ports';

interface UserRow {
  user_id: number;
  username: string;
  username_key: string;
  email: string;
  password_hash: string;
  created_at: string;
}

const COLUMNS = 'user_id, username, username_key, email, password_hash, created_at';

/**
 * {@link UserRepository} on SQLite (`users` table of DATA_DIR/users.db). The userId is the
 * table's AUTOINCREMENT key, so an id is never handed out twice, even after a restart or a
 * deleted row. Unique indexes on the lower-cased `username_key` and `email_key` back the
 * check that `insert` makes inside the same write transaction, so it knows which key is taken.
 */
export class SqliteUserRepository implements UserRepository {
  private readonly database: SqliteDatabase;
  private readonly holders: StatementSync;
  private readonly insertOne: StatementSync;
  private readonly byId: StatementSync;
  private readonly byIds: StatementSync;
  private readonly byUsernameKey: StatementSync;
  private readonly byUsernamePrefix: StatementSync;

  constructor(deps: { usersSqlite: SqliteDatabase }) {
    this.database = deps.usersSqlite;
    const { db } = this.database;
    this.holders = db.prepare('SELECT username_key FROM users WHERE username_key = ? OR email_key = ? LIMIT 2');
    this.insertOne = db.prepare(
      `INSERT INTO users (username, username_key, email, email_key, password_hash, created_at) VALUES (?, ?, ?, ?, ?, ?) RETURNING ${COLUMNS}`,
    );
    this.byId = db.prepare(`SELECT ${COLUMNS} FROM users WHERE user_id = ?`);
    this.byIds = db.prepare(`SELECT ${COLUMNS} FROM users WHERE user_id IN (SELECT value FROM json_each(?)) ORDER BY user_id`);
    this.byUsernameKey = db.prepare(`SELECT ${COLUMNS} FROM users WHERE username_key = ?`);
    this.byUsernamePrefix = db.prepare(
      `SELECT ${COLUMNS} FROM users WHERE username_key >= ? AND username_key < ? ORDER BY username_key LIMIT ?`,
    );
  }

  insert(user: NewUser): Promise<StoredUser> {
    const usernameKey = user.username.toLowerCase();
    const emailKey = user.email.toLowerCase();
    return this.database.write(() => {
      const holders = this.holders.all(usernameKey, emailKey) as unknown as Pick<UserRow, 'username_key'>[];
      if (holders.some((holder) => holder.username_key === usernameKey)) throw UsersErrors.usernameTaken();
      if (holders.length > 0) throw UsersErrors.emailTaken();
      const row = this.insertOne.get(user.username, usernameKey, user.email, emailKey, user.passwordHash, user.createdAt);
      return toStoredUser(row as unknown as UserRow);
    });
  }

  async findById(userId: number): Promise<StoredUser | null> {
    const row = this.byId.get(userId) as UserRow | undefined;
    return row === undefined ? null : toStoredUser(row);
  }

  async findManyByIds(userIds: readonly number[]): Promise<StoredUser[]> {
    if (userIds.length === 0) return [];
    return (this.byIds.all(JSON.stringify([...new Set(userIds)])) as unknown as UserRow[]).map(toStoredUser);
  }

  async findByUsername(username: string): Promise<StoredUser | null> {
    const row = this.byUsernameKey.get(username.toLowerCase()) as UserRow | undefined;
    return row === undefined ? null : toStoredUser(row);
  }

  /** A range on the unique `username_key` index: keys are ASCII, so every key with the prefix sorts below prefix + U+FFFF. */
  async findByUsernamePrefix(prefix: string, limit: number): Promise<StoredUser[]> {
    const low = prefix.toLowerCase();
    return (this.byUsernamePrefix.all(low, `${low}\uffff`, limit) as unknown as UserRow[]).map(toStoredUser);
  }
}

const toStoredUser = (row: UserRow): StoredUser => ({
  userId: row.user_id,
  username: row.username,
  email: row.email,
  passwordHash: row.password_hash,
  createdAt: row.created_at,
});
