import { statSync } from 'node:fs';
import { DatabaseSync } from 'node:sqlite';
import { describeSqliteFailure } from './sqlite-failure';

const BUSY_TIMEOUT_MS = 5_000;

/**
 * Writes a consistent snapshot of `source` to the new file `target` with `VACUUM INTO`: one
 * read transaction, so a server writing the file meanwhile (WAL mode) is neither blocked nor
 * seen half-way; the copy is compacted and has no WAL of its own. Returns the copy's size.
 * @throws StorageError naming `source` when it cannot be read as a database
 */
export const snapshotSqliteFile = (source: string, target: string): number => {
  let db: DatabaseSync | undefined;
  try {
    db = new DatabaseSync(source, { readOnly: true, timeout: BUSY_TIMEOUT_MS });
    db.prepare('VACUUM INTO ?').run(target);
  } catch (error) {
    throw describeSqliteFailure(error, source);
  } finally {
    if (db?.isOpen) db.close();
  }
  return statSync(target).size;
};
