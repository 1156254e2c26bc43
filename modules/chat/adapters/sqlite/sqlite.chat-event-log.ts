import type { DatabaseSync, StatementSync } from 'node:sqlite';
import type { SqliteDatabase } from '@chatterroom/platform/sqlite';
import type { ChatEventDraft, ChatEventLog, LoggedChatEvent } from '../../ports';

interface EventRow {
  position: number;
  event_id: string;
  type: string;
  occurred_at: string;
  payload: string;
  audience: string;
}

const COLUMNS = 'position, event_id, type, occurred_at, payload, audience';
/** Rows read per step while looking for one user's events. */
const SCAN_BATCH = 1_000;

/**
 * {@link ChatEventLog} on SQLite (`chat_events` of DATA_DIR/chat.db). The position is the
 * AUTOINCREMENT rowid, given inside the write transaction: SQLite has one writer, so a
 * position is visible only with every lower one. The audience is a JSON array in the row —
 * one row per event whatever the room's size — and a user's events are found by reading the
 * rows after the cursor in steps. `recordIn` is the form the message store calls inside its own
 * transaction, so a message and its event commit together.
 */
export class SqliteChatEventLog implements ChatEventLog {
  private readonly database: SqliteDatabase;
  private readonly insert: StatementSync;
  private readonly unpublished: StatementSync;
  private readonly markOne: StatementSync;
  private readonly after: StatementSync;
  private readonly last: StatementSync;
  private readonly first: StatementSync;
  private readonly pruneBefore: StatementSync;

  constructor(deps: { chatSqlite: SqliteDatabase }) {
    this.database = deps.chatSqlite;
    const { db } = this.database;
    this.insert = db.prepare(
      'INSERT INTO chat_events (event_id, type, occurred_at, payload, audience) VALUES (?, ?, ?, ?, ?) ON CONFLICT (event_id) DO NOTHING',
    );
    this.unpublished = db.prepare(`SELECT ${COLUMNS} FROM chat_events WHERE published = 0 ORDER BY position LIMIT ?`);
    this.markOne = db.prepare('UPDATE chat_events SET published = 1 WHERE event_id = ? AND published = 0');
    this.after = db.prepare(`SELECT ${COLUMNS} FROM chat_events WHERE position > ? ORDER BY position LIMIT ?`);
    this.last = db.prepare("SELECT seq AS position FROM sqlite_sequence WHERE name = 'chat_events'");
    this.first = db.prepare('SELECT min(position) AS position FROM chat_events');
    this.pruneBefore = db.prepare(
      'DELETE FROM chat_events WHERE published = 1 AND occurred_at < ? AND position < (SELECT max(position) FROM chat_events)',
    );
  }

  record(event: ChatEventDraft): Promise<void> {
    return this.database.write((db) => this.recordIn(db, event));
  }

  /** Records inside the caller's write transaction (see {@link SqliteDatabase.write}). */
  recordIn(_db: DatabaseSync, event: ChatEventDraft): void {
    this.insert.run(event.id, event.type, event.occurredAt, JSON.stringify(event.payload ?? null), JSON.stringify(event.audience));
  }

  async nextToPublish(limit: number): Promise<LoggedChatEvent[]> {
    return (this.unpublished.all(limit) as unknown as EventRow[]).map(toLogged);
  }

  async markPublished(ids: readonly string[]): Promise<void> {
    if (ids.length === 0) return;
    await this.database.write(() => {
      for (const id of ids) this.markOne.run(id);
    });
  }

  async readFor(userId: number, after: number, limit: number): Promise<LoggedChatEvent[]> {
    const found: LoggedChatEvent[] = [];
    let from = after;
    while (found.length < limit) {
      const rows = this.after.all(from, SCAN_BATCH) as unknown as EventRow[];
      for (const row of rows) {
        if (found.length >= limit) break;
        if ((JSON.parse(row.audience) as number[]).includes(userId)) found.push(toLogged(row));
      }
      if (rows.length < SCAN_BATCH) break;
      from = (rows[rows.length - 1] as EventRow).position;
    }
    return found;
  }

  async lastPosition(): Promise<number> {
    return (this.last.get() as { position: number } | undefined)?.position ?? 0;
  }

  async firstPosition(): Promise<number | null> {
    return (this.first.get() as { position: number | null }).position;
  }

  async prune(before: Date): Promise<number> {
    return this.database.write(() => Number(this.pruneBefore.run(before.toISOString()).changes));
  }
}

const toLogged = (row: EventRow): LoggedChatEvent => ({
  id: row.event_id,
  type: row.type,
  occurredAt: row.occurred_at,
  payload: JSON.parse(row.payload) as unknown,
  audience: JSON.parse(row.audience) as number[],
  position: row.position,
});
