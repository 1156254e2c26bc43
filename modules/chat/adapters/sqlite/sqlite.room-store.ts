import type { StatementSync } from 'node:sqlite';
import type { SqliteDatabase } from '@chatterroom/platform/sqlite';
import type { RoomVisibility } from '../../contracts';
import type { NewRoom, PublicRoomQuery, RoomChanges, RoomStore, StoredRoom } from '../../ports';

interface RoomRow {
  room_id: number;
  name: string;
  created_by: number;
  created_at: string;
  visibility: RoomVisibility;
}

const COLUMNS = 'room_id, name, created_by, created_at, visibility';

/**
 * {@link RoomStore} on SQLite (`rooms` table of DATA_DIR/chat.db). The roomId is the table's
 * AUTOINCREMENT key: never reused, even after a restart or a delete. `name_folded` holds the
 * name lower-cased by JavaScript (Unicode-aware, unlike SQLite's lower()), which the public
 * directory matches with instr() while walking the (visibility, room_id) index from `after`.
 * Members live in `room_members` (see SqliteRoomMembership).
 */
export class SqliteRoomStore implements RoomStore {
  private readonly database: SqliteDatabase;
  private readonly insertOne: StatementSync;
  private readonly byId: StatementSync;
  private readonly byIds: StatementSync;
  private readonly updateOne: StatementSync;
  private readonly deleteOne: StatementSync;
  private readonly publicPage: StatementSync;

  constructor(deps: { chatSqlite: SqliteDatabase }) {
    this.database = deps.chatSqlite;
    const { db } = this.database;
    this.insertOne = db.prepare(
      `INSERT INTO rooms (name, name_folded, created_by, created_at, visibility) VALUES (?, ?, ?, ?, ?) RETURNING ${COLUMNS}`,
    );
    this.byId = db.prepare(`SELECT ${COLUMNS} FROM rooms WHERE room_id = ?`);
    this.byIds = db.prepare(`SELECT ${COLUMNS} FROM rooms WHERE room_id IN (SELECT value FROM json_each(?)) ORDER BY room_id`);
    this.updateOne = db.prepare(
      `UPDATE rooms SET name = coalesce(?1, name), name_folded = coalesce(?2, name_folded), visibility = coalesce(?3, visibility)
       WHERE room_id = ?4 RETURNING ${COLUMNS}`,
    );
    this.deleteOne = db.prepare('DELETE FROM rooms WHERE room_id = ?');
    this.publicPage = db.prepare(
      `SELECT ${COLUMNS} FROM rooms WHERE visibility = 'public' AND room_id > ? AND instr(name_folded, ?) > 0 ORDER BY room_id LIMIT ?`,
    );
  }

  create(room: NewRoom): Promise<StoredRoom> {
    return this.database.write(() =>
      toStoredRoom(this.insertOne.get(room.name, fold(room.name), room.createdBy, room.createdAt, room.visibility) as unknown as RoomRow),
    );
  }

  async findById(roomId: number): Promise<StoredRoom | null> {
    const row = this.byId.get(roomId) as RoomRow | undefined;
    return row === undefined ? null : toStoredRoom(row);
  }

  async findManyByIds(roomIds: readonly number[]): Promise<StoredRoom[]> {
    if (roomIds.length === 0) return [];
    return (this.byIds.all(JSON.stringify([...new Set(roomIds)])) as unknown as RoomRow[]).map(toStoredRoom);
  }

  update(roomId: number, changes: RoomChanges): Promise<StoredRoom | null> {
    const name = changes.name ?? null;
    return this.database.write(() => {
      const row = this.updateOne.get(name, name === null ? null : fold(name), changes.visibility ?? null, roomId) as RoomRow | undefined;
      return row === undefined ? null : toStoredRoom(row);
    });
  }

  delete(roomId: number): Promise<boolean> {
    return this.database.write(() => Number(this.deleteOne.run(roomId).changes) === 1);
  }

  async listPublic(query: PublicRoomQuery): Promise<StoredRoom[]> {
    if (query.limit < 1) return [];
    return (this.publicPage.all(query.after ?? 0, fold(query.query ?? ''), query.limit) as unknown as RoomRow[]).map(toStoredRoom);
  }
}

const fold = (name: string): string => name.toLowerCase();

const toStoredRoom = (row: RoomRow): StoredRoom => ({
  roomId: row.room_id,
  name: row.name,
  createdBy: row.created_by,
  createdAt: row.created_at,
  visibility: row.visibility,
});
