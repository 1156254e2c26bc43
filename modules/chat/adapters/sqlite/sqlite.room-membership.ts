import type { StatementSync } from 'node:sqlite';
import type { SqliteDatabase } from '../../../../src/platform/sqlite';
import type { RoomMembership } from '../../ports';

/**
 * {@link RoomMembership} on SQLite: one `room_members` row per (roomId, userId), its primary
 * key listing a room's members in order and a second index listing a user's rooms. `add`
 * and `remove` report whether a row changed, so concurrent adds count once.
 */
export class SqliteRoomMembership implements RoomMembership {
  private readonly database: SqliteDatabase;
  private readonly insertOne: StatementSync;
  private readonly deleteOne: StatementSync;
  private readonly one: StatementSync;
  private readonly membersOf: StatementSync;
  private readonly roomsOfUser: StatementSync;

  constructor(deps: { chatSqlite: SqliteDatabase }) {
    this.database = deps.chatSqlite;
    const { db } = this.database;
    this.insertOne = db.prepare('INSERT INTO room_members (room_id, user_id) VALUES (?, ?) ON CONFLICT DO NOTHING');
    this.deleteOne = db.prepare('DELETE FROM room_members WHERE room_id = ? AND user_id = ?');
    this.one = db.prepare('SELECT 1 AS found FROM room_members WHERE room_id = ? AND user_id = ?');
    this.membersOf = db.prepare('SELECT user_id FROM room_members WHERE room_id = ? ORDER BY user_id');
    this.roomsOfUser = db.prepare('SELECT room_id FROM room_members WHERE user_id = ? ORDER BY room_id');
  }

  add(roomId: number, userId: number): Promise<boolean> {
    return this.database.write(() => Number(this.insertOne.run(roomId, userId).changes) === 1);
  }

  remove(roomId: number, userId: number): Promise<boolean> {
    return this.database.write(() => Number(this.deleteOne.run(roomId, userId).changes) === 1);
  }

  async isMember(roomId: number, userId: number): Promise<boolean> {
    return this.one.get(roomId, userId) !== undefined;
  }

  async members(roomId: number): Promise<number[]> {
    return (this.membersOf.all(roomId) as unknown as { user_id: number }[]).map((row) => row.user_id);
  }

  async roomsOf(userId: number): Promise<number[]> {
    return (this.roomsOfUser.all(userId) as unknown as { room_id: number }[]).map((row) => row.room_id);
  }
}
