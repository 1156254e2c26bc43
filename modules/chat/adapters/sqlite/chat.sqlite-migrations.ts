import type { SqliteMigration } from '@chatterroom/platform/sqlite';

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
    description: 'rooms get a visibility and a case-folded name (the public directory); members get a role and a join time, the creator (else the lowest userId) of each room its owner',
    up: `
      ALTER TABLE rooms ADD COLUMN visibility TEXT NOT NULL DEFAULT 'public' CHECK (visibility IN ('public', 'private'));
      ALTER TABLE rooms ADD COLUMN name_folded TEXT NOT NULL DEFAULT '';
      UPDATE rooms SET name_folded = lower(name);
      CREATE INDEX rooms_by_visibility ON rooms (visibility, room_id);
      ALTER TABLE room_members ADD COLUMN role TEXT NOT NULL DEFAULT 'member' CHECK (role IN ('owner', 'admin', 'member'));
      ALTER TABLE room_members ADD COLUMN joined_at TEXT NOT NULL DEFAULT '';
      UPDATE room_members SET joined_at = coalesce((SELECT created_at FROM rooms WHERE rooms.room_id = room_members.room_id), '');
      UPDATE room_members SET role = 'owner' WHERE user_id = (SELECT created_by FROM rooms WHERE rooms.room_id = room_members.room_id);
      UPDATE room_members SET role = 'owner'
        WHERE user_id = (SELECT min(m.user_id) FROM room_members m WHERE m.room_id = room_members.room_id)
          AND NOT EXISTS (SELECT 1 FROM room_members o WHERE o.room_id = room_members.room_id AND o.role = 'owner');
      CREATE INDEX room_members_by_role ON room_members (room_id, role, joined_at, user_id);
    `,
  },
  {
    version: 4,
    description: 'conversation summaries (newest message, once per message) indexed by the two people of a private conversation, and per-user read markers',
    up: `
      CREATE TABLE conversation_summaries (
        conversation TEXT NOT NULL PRIMARY KEY,
        last_seq     INTEGER NOT NULL CHECK (last_seq >= 1),
        last_message TEXT NOT NULL,
        updated_at   TEXT NOT NULL,
        user_low     INTEGER,
        user_high    INTEGER
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX conversation_summaries_by_user_low ON conversation_summaries (user_low) WHERE user_low IS NOT NULL;
      CREATE INDEX conversation_summaries_by_user_high ON conversation_summaries (user_high) WHERE user_high IS NOT NULL;
      CREATE TABLE read_markers (
        user_id      INTEGER NOT NULL,
        conversation TEXT NOT NULL,
        seq          INTEGER NOT NULL CHECK (seq >= 1),
        PRIMARY KEY (user_id, conversation)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX read_markers_by_conversation ON read_markers (conversation, user_id);
    `,
  },
  {
    version: 5,
    description: 'edited and deleted messages: edited_at, and a deleted flag for tombstones',
    up: `
      ALTER TABLE messages ADD COLUMN edited_at TEXT;
      ALTER TABLE messages ADD COLUMN deleted INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1));
    `,
  },
  {
    version: 6,
    description: 'the chat event log (also the outbox): one row per event, its audience as a JSON array, published or not',
    up: `
      CREATE TABLE chat_events (
        position    INTEGER PRIMARY KEY AUTOINCREMENT,
        event_id    TEXT NOT NULL UNIQUE,
        type        TEXT NOT NULL,
        occurred_at TEXT NOT NULL,
        payload     TEXT NOT NULL,
        audience    TEXT NOT NULL,
        published   INTEGER NOT NULL DEFAULT 0 CHECK (published IN (0, 1))
      ) STRICT;
      CREATE INDEX chat_events_unpublished ON chat_events (position) WHERE published = 0;
    `,
  },
  {
    version: 7,
    description: 'one owner per room: extra owners (none should exist) become admins, then a partial unique index allows one',
    up: `
      UPDATE room_members SET role = 'admin'
        WHERE role = 'owner' AND EXISTS (
          SELECT 1 FROM room_members o WHERE o.room_id = room_members.room_id AND o.role = 'owner'
            AND (o.joined_at < room_members.joined_at OR (o.joined_at = room_members.joined_at AND o.user_id < room_members.user_id)));
      CREATE UNIQUE INDEX room_members_one_owner ON room_members (room_id) WHERE role = 'owner';
    `,
  },
  {
    version: 8,
    description: 'deleted messages indexed by (conversation, seq), so unread counts leave them out without reading messages; filled from the tombstones already stored',
    up: `
      CREATE TABLE conversation_deletions (
        conversation TEXT NOT NULL,
        seq          INTEGER NOT NULL,
        PRIMARY KEY (conversation, seq)
      ) STRICT, WITHOUT ROWID;
      INSERT INTO conversation_deletions (conversation, seq) SELECT conversation, seq FROM messages WHERE deleted = 1;
    `,
  },
];
