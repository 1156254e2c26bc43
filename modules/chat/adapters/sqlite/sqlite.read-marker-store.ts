import type { StatementSync } from 'node:sqlite';
import type { SqliteDatabase } from '@chatterroom/platform/sqlite';
import type { ConversationKey, MarkerAdvance, ReadMarkerStore } from '../../ports';

/**
 * {@link ReadMarkerStore} on SQLite (`read_markers` of DATA_DIR/chat.db): one row per (user,
 * conversation), keyed that way for a user's markers, with a second index on (conversation,
 * user) for a room's readers. An advance is one upsert that only takes a greater seq, then
 * a read of where the marker stands, in one write transaction.
 */
export class SqliteReadMarkerStore implements ReadMarkerStore {
  private readonly database: SqliteDatabase;
  private readonly upsert: StatementSync;
  private readonly one: StatementSync;
  private readonly ofUser: StatementSync;
  private readonly ofConversation: StatementSync;

  constructor(deps: { chatSqlite: SqliteDatabase }) {
    this.database = deps.chatSqlite;
    const { db } = this.database;
    this.upsert = db.prepare(
      `INSERT INTO read_markers (user_id, conversation, seq) VALUES (?, ?, ?)
       ON CONFLICT (user_id, conversation) DO UPDATE SET seq = excluded.seq WHERE excluded.seq > read_markers.seq`,
    );
    this.one = db.prepare('SELECT seq FROM read_markers WHERE user_id = ? AND conversation = ?');
    this.ofUser = db.prepare('SELECT conversation, seq FROM read_markers WHERE user_id = ? AND conversation IN (SELECT value FROM json_each(?))');
    this.ofConversation = db.prepare('SELECT user_id, seq FROM read_markers WHERE conversation = ? AND user_id IN (SELECT value FROM json_each(?))');
  }

  advance(userId: number, conversation: ConversationKey, seq: number): Promise<MarkerAdvance> {
    return this.database.write(() => {
      const moved = Number(this.upsert.run(userId, conversation, seq).changes) === 1;
      const row = this.one.get(userId, conversation) as { seq: number } | undefined;
      return { seq: row?.seq ?? 0, moved };
    });
  }

  async markersOf(userId: number, conversations: readonly ConversationKey[]): Promise<Map<ConversationKey, number>> {
    if (conversations.length === 0) return new Map();
    const rows = this.ofUser.all(userId, JSON.stringify([...new Set(conversations)])) as unknown as { conversation: string; seq: number }[];
    return new Map(rows.map((row) => [row.conversation, row.seq]));
  }

  async readersOf(conversation: ConversationKey, userIds: readonly number[]): Promise<Map<number, number>> {
    if (userIds.length === 0) return new Map();
    const rows = this.ofConversation.all(conversation, JSON.stringify([...new Set(userIds)])) as unknown as { user_id: number; seq: number }[];
    return new Map(rows.map((row) => [row.user_id, row.seq]));
  }
}
