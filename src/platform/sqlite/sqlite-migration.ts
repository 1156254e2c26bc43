import type { DatabaseSync } from 'node:sqlite';

/**
 * One step of a database file's schema. Versions count 1, 2, 3... and are never edited once
 * released: a change is a new step. `up` runs inside the transaction that also records the
 * version in `PRAGMA user_version`, so a step is applied completely or not at all.
 */
export interface SqliteMigration {
  readonly version: number;
  readonly description: string;
  /** SQL statements, or a function for steps that need to read before writing. */
  readonly up: string | ((db: DatabaseSync) => void);
}
