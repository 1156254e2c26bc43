import type { SqliteMigration } from '@chatterroom/platform/sqlite';

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
  {
    version: 2,
    description: 'signing keys, sign-in sessions (refresh tokens as hashes) and single-use WebSocket tickets',
    up: `
      CREATE TABLE signing_keys (
        kid         TEXT PRIMARY KEY,
        public_jwk  TEXT NOT NULL,
        private_jwk TEXT NOT NULL,
        created_at  TEXT NOT NULL
      ) STRICT;
      CREATE TABLE sessions (
        session_id          TEXT PRIMARY KEY,
        user_id             INTEGER NOT NULL,
        created_at          TEXT NOT NULL,
        last_used_at        TEXT NOT NULL,
        expires_at          TEXT NOT NULL,
        refresh_token_hash  TEXT NOT NULL,
        spent_hashes        TEXT NOT NULL DEFAULT '[]',
        revoked_at          TEXT,
        user_agent          TEXT,
        ip                  TEXT
      ) STRICT;
      CREATE INDEX sessions_by_user ON sessions (user_id, created_at);
      CREATE TABLE ws_tickets (
        ticket_hash      TEXT PRIMARY KEY,
        user_id          INTEGER NOT NULL,
        session_id       TEXT NOT NULL,
        token_expires_at TEXT NOT NULL,
        expires_at       TEXT NOT NULL
      ) STRICT;
      CREATE INDEX ws_tickets_by_expiry ON ws_tickets (expires_at);
    `,
  },
];
