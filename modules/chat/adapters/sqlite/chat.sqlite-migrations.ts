import type { SqliteMigration } from '../../../../src/platform/sqlite';

/**
 * The chat module's schema in its own file (DATA_DIR/chat.db). Append a step for every
 * change; never edit a released one (databases in the field are at its version).
 */
export const chatSqliteMigrations: readonly SqliteMigration[] = [
  {
    version: 1,
    description: 'rooms, room members and messages',
    up: `
      CREATE TABLE rooms (
        room_id    INTEGER PRIMARY KEY AUTOINCREMENT CHECK (room_id BETWEEN 1 AND 2147483647),
        name       TEXT NOT NULL,
        created_by INTEGER NOT NULL,
        created_at TEXT NOT NULL
      ) STRICT;
      CREATE TABLE room_members (
        room_id INTEGER NOT NULL,
        user_id INTEGER NOT NULL,
        PRIMARY KEY (room_id, user_id)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX room_members_by_user ON room_members (user_id, room_id);
      CREATE TABLE messages (
        message_id        TEXT NOT NULL PRIMARY KEY,
        conversation      TEXT NOT NULL,
        seq               INTEGER NOT NULL CHECK (seq >= 1),
        kind              TEXT NOT NULL CHECK (kind IN ('private', 'room')),
        sender_id         INTEGER NOT NULL,
        recipient_id      INTEGER,
        room_id           INTEGER,
        message           TEXT NOT NULL,
        timestamp         TEXT NOT NULL,
        client_message_id TEXT,
        UNIQUE (conversation, seq)
      ) STRICT;
      CREATE UNIQUE INDEX messages_by_sender_client_id ON messages (sender_id, client_message_id) WHERE client_message_id IS NOT NULL;
    `,
  },
  {
    version: 2,
    description: "one row per conversation holding its last seq (the counter appends take the next seq from), filled from the stored messages",
    up: `
      CREATE TABLE conversations (
        conversation TEXT NOT NULL PRIMARY KEY,
        last_seq     INTEGER NOT NULL CHECK (last_seq >= 0)
      ) STRICT, WITHOUT ROWID;
      INSERT INTO conversations (conversation, last_seq) SELECT conversation, max(seq) FROM messages GROUP BY conversation;
    `,
  },
  {
    version: 3,
    description: 'edited and deleted messages: edited_at, and a deleted flag for tombstones',
    up: `
      ALTER TABLE messages ADD COLUMN edited_at TEXT;
      ALTER TABLE messages ADD COLUMN deleted INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1));
    `,
  },
];
