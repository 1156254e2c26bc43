import type { MikroORM } from '@mikro-orm/mongodb';
import { isDuplicateKeyError } from '@chatterroom/platform/mongo/duplicate-key';
import type { RoomRole } from '../../contracts';
import type { OwnershipClaim, RoomMemberPageQuery, RoomMembership, StoredRoomMember } from '../../ports';
import { roomMemberSchema, type RoomMemberDocument } from './room-member.schema';

/**
 * {@link RoomMembership} on MongoDB through MikroORM: one `room_members` document per
 * (roomId, userId) with its role and join time, made unique by a compound index that also
 * lists, pages and counts a room's members in order; (userId, roomId) lists a user's rooms and
 * (roomId, role, joinedAt, userId) finds a role's longest-standing holder. `add` inserts and
 * reads a duplicate-key refusal as "already a member", so concurrent adds count once; `remove`
 * deletes and reports whether a document went. `addMany` inserts the members one by one and,
 * should one insert fail, deletes the ones it inserted (FerretDB has no transactions), so a
 * failure adds nobody. The owner's document alone carries `ownerOf: roomId`, unique (sparse), so
 * a room has one owner whatever replicas race: a claim is one conditional update that the
 * index refuses while another member owns the room.
 */
export class MikroOrmRoomMembership implements RoomMembership {
  private readonly orm: MikroORM;

  constructor(deps: { mongoOrm: MikroORM }) {
    this.orm = deps.mongoOrm;
  }

  add(roomId: number, userId: number, role: RoomRole = 'member', joinedAt = new Date().toISOString()): Promise<boolean> {
    return this.insertOne(roomId, { userId, role, joinedAt });
  }

  async addMany(roomId: number, members: readonly StoredRoomMember[]): Promise<number[]> {
    const added: number[] = [];
    try {
      for (const member of members) if (await this.insertOne(roomId, member)) added.push(member.userId);
    } catch (error) {
      if (added.length > 0) await this.collection().deleteMany({ roomId, userId: { $in: added } });
      throw error;
    }
    return added.sort((a, b) => a - b);
  }

  /** By `_id` (FerretDB's one pushed-down filter); a membership stored before keyed ids, or none, by (roomId, userId). */
  async remove(roomId: number, userId: number): Promise<boolean> {
    const collection = this.collection();
    if ((await collection.deleteOne({ _id: memberKeyOf(roomId, userId) })).deletedCount > 0) return true;
    return (await collection.deleteOne({ roomId, userId })).deletedCount > 0;
  }

  async removeAll(roomId: number): Promise<void> {
    await this.collection().deleteMany({ roomId });
  }

  async isMember(roomId: number, userId: number): Promise<boolean> {
    return (await this.roleOf(roomId, userId)) !== null;
  }

  async members(roomId: number): Promise<number[]> {
    const found = await this.collection().find({ roomId }, { projection: { userId: 1 } }).sort({ userId: 1 }).toArray();
    return found.map((member) => member.userId);
  }

  async roomsOf(userId: number): Promise<number[]> {
    const found = await this.collection().find({ userId }, { projection: { roomId: 1 } }).sort({ roomId: 1 }).toArray();
    return found.map((member) => member.roomId);
  }

  /** By `_id` (served without a scan by FerretDB); a membership stored before keyed ids is found by (roomId, userId). */
  async roleOf(roomId: number, userId: number): Promise<RoomRole | null> {
    const collection = this.collection();
    const found = (await collection.findOne({ _id: memberKeyOf(roomId, userId) }, { projection: { role: 1 } }))
      ?? (await collection.findOne({ roomId, userId }, { projection: { role: 1 } }));
    return found === null ? null : found.role;
  }

  async setRole(roomId: number, userId: number, role: Exclude<RoomRole, 'owner'>): Promise<boolean> {
    return (await this.collection().updateOne({ roomId, userId, role: { $ne: 'owner' } }, { $set: { role } })).matchedCount > 0;
  }

  async claimOwnership(roomId: number, userId: number): Promise<OwnershipClaim> {
    const collection = this.collection();
    try {
      const { matchedCount } = await collection.updateOne({ roomId, userId, role: { $ne: 'owner' } }, { $set: { role: 'owner', ownerOf: roomId } });
      if (matchedCount === 1) return 'claimed';
    } catch (error) {
      if (isDuplicateKeyError(error)) return 'taken';
      throw error;
    }
    const role = await this.roleOf(roomId, userId);
    return role === null ? 'not-member' : 'already-owner';
  }

  async releaseOwnership(roomId: number, userId: number): Promise<boolean> {
    const collection = this.collection();
    const { modifiedCount } = await collection.updateOne({ roomId, userId, role: 'owner' }, { $set: { role: 'admin' }, $unset: { ownerOf: '' } });
    return modifiedCount === 1;
  }

  count(roomId: number): Promise<number> {
    return this.collection().countDocuments({ roomId });
  }

  async page(roomId: number, query: RoomMemberPageQuery): Promise<StoredRoomMember[]> {
    if (query.limit < 1) return [];
    const found = await this.collection().find({ roomId, userId: { $gt: query.after ?? 0 } }).sort({ userId: 1 }).limit(query.limit).toArray();
    return found.map(toStoredMember);
  }

  async longestStanding(roomId: number, role: RoomRole): Promise<number | null> {
    const [first] = await this.collection().find({ roomId, role }, { projection: { userId: 1 } }).sort({ joinedAt: 1, userId: 1 }).limit(1).toArray();
    return first?.userId ?? null;
  }

  private collection() {
    return this.orm.em.getCollection<RoomMemberDocument>(roomMemberSchema);
  }

  private async insertOne(roomId: number, member: StoredRoomMember): Promise<boolean> {
    const document: RoomMemberDocument = {
      _id: memberKeyOf(roomId, member.userId),
      roomId,
      userId: member.userId,
      role: member.role,
      joinedAt: new Date(member.joinedAt),
      ...(member.role === 'owner' ? { ownerOf: roomId } : {}),
    };
    try {
      await this.collection().insertOne(document);
      return true;
    } catch (error) {
      if (isDuplicateKeyError(error)) return false;
      throw error;
    }
  }
}

/** A membership's `_id`: its room and user, so that a lookup is by `_id`. */
const memberKeyOf = (roomId: number, userId: number): string => `${roomId}:${userId}`;

const toStoredMember = (document: RoomMemberDocument): StoredRoomMember => ({
  userId: document.userId,
  role: document.role,
  joinedAt: document.joinedAt.toISOString(),
});
