import type { StatementSync } from 'node:sqlite';
import type { SqliteDatabase } from '@chatterroom/platform/sqlite';
import type { KeyStore, StoredSigningKey } from '../../ports';

interface KeyRow {
  kid: string;
  public_jwk: string;
  private_jwk: string;
  created_at: string;
}

/**
 * {@link KeyStore} on SQLite (`signing_keys` table of DATA_DIR/users.db), so the monolith signs
 * with the same keys after a restart and the tokens it gave out stay valid. JWKs are JSON text.
 */
export class SqliteKeyStore implements KeyStore {
  private readonly database: SqliteDatabase;
  private readonly insertOne: StatementSync;
  private readonly all: StatementSync;
  private readonly deleteOlder: StatementSync;

  constructor(deps: { usersSqlite: SqliteDatabase }) {
    this.database = deps.usersSqlite;
    const { db } = this.database;
    this.insertOne = db.prepare('INSERT INTO signing_keys (kid, public_jwk, private_jwk, created_at) VALUES (?, ?, ?, ?) ON CONFLICT (kid) DO NOTHING');
    this.all = db.prepare('SELECT kid, public_jwk, private_jwk, created_at FROM signing_keys ORDER BY created_at DESC, kid DESC');
    this.deleteOlder = db.prepare('DELETE FROM signing_keys WHERE created_at < ? AND kid NOT IN (SELECT value FROM json_each(?))');
  }

  async add(key: StoredSigningKey): Promise<void> {
    await this.database.write(() => this.insertOne.run(key.kid, JSON.stringify(key.publicJwk), JSON.stringify(key.privateJwk), key.createdAt));
  }

  async list(): Promise<StoredSigningKey[]> {
    return (this.all.all() as unknown as KeyRow[]).map((row) => ({
      kid: row.kid,
      publicJwk: JSON.parse(row.public_jwk) as Record<string, string>,
      privateJwk: JSON.parse(row.private_jwk) as Record<string, string>,
      createdAt: row.created_at,
    }));
  }

  removeOlderThan(createdBefore: string, keep: readonly string[]): Promise<number> {
    return this.database.write(() => Number(this.deleteOlder.run(createdBefore, JSON.stringify(keep)).changes));
  }
}
