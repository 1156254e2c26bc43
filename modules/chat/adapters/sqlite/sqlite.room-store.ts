import type { StatementSync } from 'node:sqlite';
import type { SqliteDatabase } from '../../../../src/platform/sqlite';
import type { NewRoom, RoomStore, StoredRoom } from '../../ports';

interface RoomRow {
  room_id: number;
  name: string;
  created_by: number;
  created_at: string;
}

const COLUMNS = 'room_id, name, created_by, created_at';

/**
 * {@link RoomStore} on SQLite (`rooms` table of DATA_DIR/chat.db). The roomId is the table's
 * AUTOINCREMENT key: never reused, even after a restart. Members live in `room_members`
 * (see SqliteRoomMembership).
 */
export class SqliteRoomStore implements RoomStore {
  private readonly database: SqliteDatabase;
  private readonly insertOne: StatementSync;
  private readonly byId: StatementSync;
  private readonly byIds: StatementSync;

  constructor(deps: { chatSqlite: SqliteDatabase }) {
    this.database = deps.chatSqlite;
    const { db } = this.database;
    this.insertOne = db.prepare(`INSERT INTO rooms (name, created_by, created_at) VALUES (?, ?, ?) RETURNING ${COLUMNS}`);
    this.byId = db.prepare(`SELECT ${COLUMNS} FROM rooms WHERE room_id = ?`);
    this.byIds = db.prepare(`SELECT ${COLUMNS} FROM rooms WHERE room_id IN (SELECT value FROM json_each(?)) ORDER BY room_id`);
  }

  create(room: NewRoom): Promise<StoredRoom> {
    return this.database.write(() => toStoredRoom(this.insertOne.get(room.name, room.createdBy, room.createdAt) as unknown as RoomRow));
  }

  async findById(roomId: number): Promise<StoredRoom | null> {
    const row = this.byId.get(roomId) as RoomRow | undefined;
    return row === undefined ? null : toStoredRoom(row);
  }

  async findManyByIds(roomIds: readonly number[]): Promise<StoredRoom[]> {
    if (roomIds.length === 0) return [];
    return (this.byIds.all(JSON.stringify([...new Set(roomIds)])) as unknown as RoomRow[]).map(toStoredRoom);
  }
}

const toStoredRoom = (row: RoomRow): StoredRoom => ({ roomId: row.room_id, name: row.name, createdBy: row.created_by, createdAt: row.created_at });
