import type { DatabaseSync } from 'node:sqlite';
import type { SqliteMigration } from './sqlite-migration';
import { messageOf, StorageError } from './storage-error';

export interface MigrationOutcome {
  readonly from: number;
  readonly to: number;
}

/** The schema version recorded in the file (0 for a new, empty database). */
export const schemaVersionOf = (db: DatabaseSync): number => Number((db.prepare('PRAGMA user_version').get() as { user_version: number }).user_version);

const checkSequence = (migrations: readonly SqliteMigration[]): void => {
  migrations.forEach((migration, index) => {
    if (migration.version !== index + 1) throw new Error(`Migrations must be numbered 1, 2, 3...: found ${migration.version} at position ${index + 1}`);
  });
};

/**
 * Brings the file to the newest version in `migrations`, one transaction per step, keyed on
 * `PRAGMA user_version`. A file already at that version is left alone.
 * @throws StorageError when the file records a version newer than `migrations` knows (it was
 *   written by a newer build: starting would misread it), or when a step fails (rolled back)
 */
export const migrate = (db: DatabaseSync, migrations: readonly SqliteMigration[], file: string): MigrationOutcome => {
  checkSequence(migrations);
  const from = schemaVersionOf(db);
  const latest = migrations.length;
  if (from > latest) {
    throw new StorageError(
      `${file} has schema version ${from}, but this build knows versions up to ${latest}: it was written by a newer ChatterRoom. ` +
        'Run that version (or newer), or restore a backup taken before the upgrade.',
    );
  }
  for (const migration of migrations.slice(from)) {
    db.exec('BEGIN IMMEDIATE');
    try {
      if (typeof migration.up === 'string') db.exec(migration.up);
      else migration.up(db);
      db.exec(`PRAGMA user_version = ${migration.version}`);
      db.exec('COMMIT');
    } catch (error) {
      db.exec('ROLLBACK');
      throw new StorageError(`${file}: migration to schema version ${migration.version} (${migration.description}) failed: ${messageOf(error)}`, {
        cause: error,
      });
    }
  }
  return { from, to: latest };
};
