import type { StatementSync } from 'node:sqlite';
import type { SqliteDatabase } from '@chatterroom/platform/sqlite';
import type { RoomRole } from '../../contracts';
import type { OwnershipClaim, RoomMemberPageQuery, RoomMembership, StoredRoomMember } from '../../ports';

interface MemberRow {
  user_id: number;
  role: RoomRole;
  joined_at: string;
}

/**
 * {@link RoomMembership} on SQLite: one `room_members` row per (roomId, userId) with its role
 * and join time. The primary key lists (and pages, and counts) a room's members in order, a
 * second index lists a user's rooms, and (room_id, role, joined_at, user_id) finds the
 * longest-standing holder of a role. `add` and `remove` report whether a row changed, so
 * concurrent adds count once; `addMany` is one transaction. A partial unique index on
 * (room_id) WHERE role = 'owner' allows one owner per room; ownership moves by conditional updates.
 */
export class SqliteRoomMembership implements RoomMembership {
  private readonly database: SqliteDatabase;
  private readonly insertOne: StatementSync;
  private readonly deleteOne: StatementSync;
  private readonly deleteRoom: StatementSync;
  private readonly one: StatementSync;
  private readonly membersOf: StatementSync;
  private readonly roomsOfUser: StatementSync;
  private readonly roleOne: StatementSync;
  private readonly updateRole: StatementSync;
  private readonly countOf: StatementSync;
  private readonly pageOf: StatementSync;
  private readonly firstWithRole: StatementSync;
  private readonly claimOwner: StatementSync;
  private readonly releaseOwner: StatementSync;

  constructor(deps: { chatSqlite: SqliteDatabase }) {
    this.database = deps.chatSqlite;
    const { db } = this.database;
    this.insertOne = db.prepare('INSERT INTO room_members (room_id, user_id, role, joined_at) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING');
    this.deleteOne = db.prepare('DELETE FROM room_members WHERE room_id = ? AND user_id = ?');
    this.deleteRoom = db.prepare('DELETE FROM room_members WHERE room_id = ?');
    this.one = db.prepare('SELECT 1 AS found FROM room_members WHERE room_id = ? AND user_id = ?');
    this.membersOf = db.prepare('SELECT user_id FROM room_members WHERE room_id = ? ORDER BY user_id');
    this.roomsOfUser = db.prepare('SELECT room_id FROM room_members WHERE user_id = ? ORDER BY room_id');
    this.roleOne = db.prepare('SELECT role FROM room_members WHERE room_id = ? AND user_id = ?');
    this.updateRole = db.prepare("UPDATE room_members SET role = ? WHERE room_id = ? AND user_id = ? AND role <> 'owner'");
    this.claimOwner = db.prepare(
      "UPDATE room_members SET role = 'owner' WHERE room_id = ?1 AND user_id = ?2 AND NOT EXISTS (SELECT 1 FROM room_members o WHERE o.room_id = ?1 AND o.role = 'owner')",
    );
    this.releaseOwner = db.prepare("UPDATE room_members SET role = 'admin' WHERE room_id = ? AND user_id = ? AND role = 'owner'");
    this.countOf = db.prepare('SELECT count(*) AS n FROM room_members WHERE room_id = ?');
    this.pageOf = db.prepare('SELECT user_id, role, joined_at FROM room_members WHERE room_id = ? AND user_id > ? ORDER BY user_id LIMIT ?');
    this.firstWithRole = db.prepare('SELECT user_id FROM room_members WHERE room_id = ? AND role = ? ORDER BY joined_at, user_id LIMIT 1');
  }

  add(roomId: number, userId: number, role: RoomRole = 'member', joinedAt = new Date().toISOString()): Promise<boolean> {
    return this.database.write(() => Number(this.insertOne.run(roomId, userId, role, joinedAt).changes) === 1);
  }

  addMany(roomId: number, members: readonly StoredRoomMember[]): Promise<number[]> {
    return this.database.write(() =>
      members
        .filter((member) => Number(this.insertOne.run(roomId, member.userId, member.role, member.joinedAt).changes) === 1)
        .map((member) => member.userId)
        .sort((a, b) => a - b),
    );
  }

  remove(roomId: number, userId: number): Promise<boolean> {
    return this.database.write(() => Number(this.deleteOne.run(roomId, userId).changes) === 1);
  }

  async removeAll(roomId: number): Promise<void> {
    await this.database.write(() => this.deleteRoom.run(roomId));
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

  async roleOf(roomId: number, userId: number): Promise<RoomRole | null> {
    return (this.roleOne.get(roomId, userId) as { role: RoomRole } | undefined)?.role ?? null;
  }

  setRole(roomId: number, userId: number, role: Exclude<RoomRole, 'owner'>): Promise<boolean> {
    return this.database.write(() => Number(this.updateRole.run(role, roomId, userId).changes) === 1);
  }

  /** One statement (the write lock makes it atomic; the partial unique index of migration 7 backs it). */
  claimOwnership(roomId: number, userId: number): Promise<OwnershipClaim> {
    return this.database.write((): OwnershipClaim => {
      if (Number(this.claimOwner.run(roomId, userId).changes) === 1) return 'claimed';
      const role = (this.roleOne.get(roomId, userId) as { role: RoomRole } | undefined)?.role;
      if (role === undefined) return 'not-member';
      return role === 'owner' ? 'already-owner' : 'taken';
    });
  }

  releaseOwnership(roomId: number, userId: number): Promise<boolean> {
    return this.database.write(() => Number(this.releaseOwner.run(roomId, userId).changes) === 1);
  }

  async count(roomId: number): Promise<number> {
    return (this.countOf.get(roomId) as { n: number }).n;
  }

  async page(roomId: number, query: RoomMemberPageQuery): Promise<StoredRoomMember[]> {
    if (query.limit < 1) return [];
    const rows = this.pageOf.all(roomId, query.after ?? 0, query.limit) as unknown as MemberRow[];
    return rows.map((row) => ({ userId: row.user_id, role: row.role, joinedAt: row.joined_at }));
  }

  async longestStanding(roomId: number, role: RoomRole): Promise<number | null> {
    return (this.firstWithRole.get(roomId, role) as { user_id: number } | undefined)?.user_id ?? null;
  }
}
