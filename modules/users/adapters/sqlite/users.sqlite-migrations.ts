import type { SqliteMigration } from '../../../../src/platform/sqlite';

/**
 * The users module's schema in its own file (DATA_DIR/users.db). Append a step for every
 * change; never edit a released one (databases in the field are at its version).
 */
export const usersSqliteMigrations: readonly SqliteMigration[] = [
  {
    version: 1,
    description: 'users with unique lower-cased username and email keys; ids from AUTOINCREMENT, never reused',
    up: `
      CREATE TABLE users (
        user_id       INTEGER PRIMARY KEY AUTOINCREMENT CHECK (user_id BETWEEN 1 AND 2147483647),
        username      TEXT NOT NULL,
        username_key  TEXT NOT NULL UNIQUE,
        email         TEXT NOT NULL,
        email_key     TEXT NOT NULL UNIQUE,
        password_hash TEXT NOT NULL,
        created_at    TEXT NOT NULL
      ) STRICT;
    `,
  },
];
