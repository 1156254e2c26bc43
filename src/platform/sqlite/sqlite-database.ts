import { DatabaseSync } from 'node:sqlite';
import type { SqliteMigration } from './sqlite-migration';
import { migrate, type MigrationOutcome } from './sqlite-migrator';
import { describeSqliteFailure } from './sqlite-failure';
import { SqliteWriteQueue } from './sqlite-write-queue';

/** How long a statement waits for another connection's lock (a backup, a second process) before failing. */
const BUSY_TIMEOUT_MS = 5_000;

export interface SqliteDatabaseOptions {
  /** The database file; created when missing. */
  readonly file: string;
  /** The file's schema, oldest step first (see {@link SqliteMigration}). */
  readonly migrations: readonly SqliteMigration[];
}

/**
 * One module's SQLite file, opened for the life of the process with the settings every
 * adapter relies on: WAL (readers never block the writer, and a backup can run beside the
 * server), `synchronous = FULL` (a committed transaction survives a kill -9 or a power cut),
 * a busy timeout, foreign keys on. Migrations run before anything else touches it.
 * Reads go straight to `db`; writes go through `write`, which group-commits.
 */
export class SqliteDatabase {
  readonly migration: MigrationOutcome;
  private readonly writes: SqliteWriteQueue;
  private closed = false;

  private constructor(
    readonly db: DatabaseSync,
    readonly file: string,
    migrations: readonly SqliteMigration[],
  ) {
    db.exec('PRAGMA journal_mode = WAL');
    db.exec('PRAGMA synchronous = FULL');
    this.migration = migrate(db, migrations, file);
    this.writes = new SqliteWriteQueue(db);
  }

  /**
   * Opens (or creates) the file and migrates it.
   * @throws StorageError naming the file when it is not a database, is corrupt, is read-only,
   *   or was written by a newer version
   */
  static open(options: SqliteDatabaseOptions): SqliteDatabase {
    let db: DatabaseSync | undefined;
    try {
      db = new DatabaseSync(options.file, { timeout: BUSY_TIMEOUT_MS, enableForeignKeyConstraints: true });
      return new SqliteDatabase(db, options.file, options.migrations);
    } catch (error) {
      if (db?.isOpen) db.close();
      throw describeSqliteFailure(error, options.file);
    }
  }

  /** Runs `work` in the next group commit; resolves once it is durable (see {@link SqliteWriteQueue}). */
  write<T>(work: (db: DatabaseSync) => T): Promise<T> {
    if (this.closed) return Promise.reject(new Error(`${this.file} is closed`));
    return this.writes.run(() => work(this.db));
  }

  /** Commits what is queued, then closes the file (checkpointing the WAL into it). Idempotent. */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.writes.flush();
    this.db.close();
  }
}
