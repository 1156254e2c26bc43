import type { DatabaseSync, StatementSync } from 'node:sqlite';
import type { SqliteDatabase } from '@chatterroom/platform/sqlite';
import type { ChatEventDraft, ChatEventLog, LoggedChatEvent, MembershipChange } from '../../ports';
import { MembershipSpans, type NamedRoomEvent } from '../../domain/membership-spans';

interface EventRow {
  position: number;
  event_id: string;
  type: string;
  occurred_at: string;
  payload: string;
  audience: string;
  room_id: number | null;
  membership: MembershipChange | null;
  origin: string | null;
}

interface NamedRow {
  position: number;
  room_id: number;
  membership: MembershipChange | null;
}

const COLUMNS = 'position, event_id, type, occurred_at, payload, audience, room_id, membership, origin';
/** Rows read per step while looking for one user's events. */
const SCAN_BATCH = 1_000;

/**
 * {@link ChatEventLog} on SQLite (`chat_events` of DATA_DIR/chat.db). The position is the
 * AUTOINCREMENT rowid, given inside the write transaction: SQLite has one writer, so a
 * position is visible only with every lower one. A row holds the users the event names (a JSON
 * array) and, for a room event, its `room_id`: never the room's members, so a room message's row
 * has one size whatever the room's. The users a room event names are also kept in
 * `chat_event_names` (user, position), in the same transaction, so a reader finds where their
 * memberships changed in one indexed read; it then reads the rows after its cursor in steps,
 * skipping in SQL those of rooms it never was in. Rows written before room events existed name
 * their whole audience and are read as they are. `recordIn` is the form the message store calls
 * inside its own transaction, so a message and its event commit together.
 */
export class SqliteChatEventLog implements ChatEventLog {
  private readonly database: SqliteDatabase;
  private readonly insert: StatementSync;
  private readonly insertName: StatementSync;
  private readonly unpublished: StatementSync;
  private readonly markOne: StatementSync;
  private readonly after: StatementSync;
  private readonly namedAfter: StatementSync;
  private readonly last: StatementSync;
  private readonly first: StatementSync;
  private readonly pruneBefore: StatementSync;
  private readonly pruneNames: StatementSync;

  constructor(deps: { chatSqlite: SqliteDatabase }) {
    this.database = deps.chatSqlite;
    const { db } = this.database;
    this.insert = db.prepare(
      'INSERT INTO chat_events (event_id, type, occurred_at, payload, audience, room_id, membership, origin) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (event_id) DO NOTHING RETURNING position',
    );
    this.insertName = db.prepare('INSERT INTO chat_event_names (user_id, position, room_id, membership) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING');
    this.unpublished = db.prepare(`SELECT ${COLUMNS} FROM chat_events WHERE published = 0 ORDER BY position LIMIT ?`);
    this.markOne = db.prepare('UPDATE chat_events SET published = 1 WHERE event_id = ? AND published = 0');
    this.after = db.prepare(
      `SELECT ${COLUMNS} FROM chat_events WHERE position > ? AND (room_id IS NULL OR room_id IN (SELECT value FROM json_each(?))) ORDER BY position LIMIT ?`,
    );
    this.namedAfter = db.prepare('SELECT position, room_id, membership FROM chat_event_names WHERE user_id = ? AND position > ? ORDER BY position');
    this.last = db.prepare("SELECT seq AS position FROM sqlite_sequence WHERE name = 'chat_events'");
    this.first = db.prepare('SELECT min(position) AS position FROM chat_events');
    this.pruneBefore = db.prepare(
      'DELETE FROM chat_events WHERE published = 1 AND occurred_at < ? AND position < (SELECT max(position) FROM chat_events)',
    );
    this.pruneNames = db.prepare('DELETE FROM chat_event_names WHERE position < (SELECT min(position) FROM chat_events)');
  }

  record(event: ChatEventDraft): Promise<void> {
    return this.database.write((db) => this.recordIn(db, event));
  }

  /** Records inside the caller's write transaction (see {@link SqliteDatabase.write}). */
  recordIn(_db: DatabaseSync, event: ChatEventDraft): void {
    const roomId = event.roomId ?? null;
    const membership = event.membership ?? null;
    const inserted = this.insert.get(event.id, event.type, event.occurredAt, JSON.stringify(event.payload ?? null), JSON.stringify(event.audience), roomId, membership, event.origin === undefined ? null : JSON.stringify(event.origin)) as
      | { position: number }
      | undefined;
    if (inserted === undefined || roomId === null) return;
    for (const userId of event.audience) this.insertName.run(userId, inserted.position, roomId, membership);
  }

  /** Every call reads the table, which sees every writer's rows. */
  othersMayHaveRecorded(): void {}

  async nextToPublish(limit: number): Promise<LoggedChatEvent[]> {
    return (this.unpublished.all(limit) as unknown as EventRow[]).map(toLogged);
  }

  async markPublished(ids: readonly string[]): Promise<void> {
    if (ids.length === 0) return;
    await this.database.write(() => {
      for (const id of ids) this.markOne.run(id);
    });
  }

  async readFor(userId: number, after: number, limit: number, rooms: readonly number[]): Promise<LoggedChatEvent[]> {
    const named = (this.namedAfter.all(userId, after) as unknown as NamedRow[]).map(
      (row): NamedRoomEvent => ({ position: row.position, roomId: row.room_id, membership: row.membership }),
    );
    const spans = new MembershipSpans(named, rooms);
    const candidates = JSON.stringify(spans.rooms());
    const found: LoggedChatEvent[] = [];
    let from = after;
    while (found.length < limit) {
      const rows = this.after.all(from, candidates, SCAN_BATCH) as unknown as EventRow[];
      for (const row of rows) {
        if (found.length >= limit) break;
        const event = toLogged(row);
        if (spans.sees(userId, event)) found.push(event);
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
    return this.database.write(() => {
      const pruned = Number(this.pruneBefore.run(before.toISOString()).changes);
      if (pruned > 0) this.pruneNames.run();
      return pruned;
    });
  }
}

const toLogged = (row: EventRow): LoggedChatEvent => ({
  id: row.event_id,
  type: row.type,
  occurredAt: row.occurred_at,
  payload: JSON.parse(row.payload) as unknown,
  audience: JSON.parse(row.audience) as number[],
  ...(row.room_id === null ? {} : { roomId: row.room_id }),
  ...(row.membership === null ? {} : { membership: row.membership }),
  ...(row.origin === null ? {} : { origin: JSON.parse(row.origin) as Record<string, string> }),
  position: row.position,
});
