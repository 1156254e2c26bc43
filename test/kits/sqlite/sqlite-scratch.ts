import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteDatabase } from '@chatterroom/platform/sqlite/sqlite-database';
import type { SqliteMigration } from '@chatterroom/platform/sqlite/sqlite-migration';

export interface ScratchSqlite {
  readonly database: SqliteDatabase;
  readonly dir: string;
  /** Closes the database and removes its directory. */
  dispose(): Promise<void>;
}

/** A fresh temporary directory, removed by the caller. */
export const scratchDir = (label = 'sqlite'): string => mkdtempSync(join(tmpdir(), `chatterroom-${label}-`));

/** For tests: a real SQLite file in a directory of its own, migrated with `migrations`. */
export const openScratchSqlite = (migrations: readonly SqliteMigration[], fileName = 'scratch.db'): ScratchSqlite => {
  const dir = scratchDir();
  const database = SqliteDatabase.open({ file: join(dir, fileName), migrations });
  return {
    database,
    dir,
    dispose: async () => {
      database.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
};
