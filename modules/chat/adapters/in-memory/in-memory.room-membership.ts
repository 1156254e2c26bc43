import type { RoomRole } from '../../contracts';
import type { OwnershipClaim, RoomMemberPageQuery, RoomMembership, StoredRoomMember } from '../../ports';

/**
 * {@link RoomMembership} in process memory: members by room (a Map of userId to the stored
 * member) and rooms by user, kept in step. A page sorts the room's userIds (fine for the
 * monolith without a database and for tests; the SQLite and Mongo adapters read an index).
 * Sorted copies are returned; nothing survives a restart.
 */
export class InMemoryRoomMembership implements RoomMembership {
  private readonly membersByRoom = new Map<number, Map<number, StoredRoomMember>>();
  private readonly roomsByUser = new Map<number, Set<number>>();

  async add(roomId: number, userId: number, role: RoomRole = 'member', joinedAt = new Date().toISOString()): Promise<boolean> {
    return this.addOne(roomId, { userId, role, joinedAt });
  }

  async addMany(roomId: number, members: readonly StoredRoomMember[]): Promise<number[]> {
    return members.filter((member) => this.addOne(roomId, member)).map((member) => member.userId).sort((a, b) => a - b);
  }

  async remove(roomId: number, userId: number): Promise<boolean> {
    const members = this.membersByRoom.get(roomId);
    if (!members?.delete(userId)) return false;
    if (members.size === 0) this.membersByRoom.delete(roomId);
    const rooms = this.roomsByUser.get(userId);
    rooms?.delete(roomId);
    if (rooms?.size === 0) this.roomsByUser.delete(userId);
    return true;
  }

  async removeAll(roomId: number): Promise<void> {
    for (const userId of await this.members(roomId)) await this.remove(roomId, userId);
  }

  async isMember(roomId: number, userId: number): Promise<boolean> {
    return this.membersByRoom.get(roomId)?.has(userId) ?? false;
  }

  async members(roomId: number): Promise<number[]> {
    return ascending(this.membersByRoom.get(roomId)?.keys());
  }

  async roomsOf(userId: number): Promise<number[]> {
    return ascending(this.roomsByUser.get(userId));
  }

  async roleOf(roomId: number, userId: number): Promise<RoomRole | null> {
    return this.membersByRoom.get(roomId)?.get(userId)?.role ?? null;
  }

  async setRole(roomId: number, userId: number, role: Exclude<RoomRole, 'owner'>): Promise<boolean> {
    const members = this.membersByRoom.get(roomId);
    const member = members?.get(userId);
    if (members === undefined || member === undefined || member.role === 'owner') return false;
    members.set(userId, { ...member, role });
    return true;
  }

  async claimOwnership(roomId: number, userId: number): Promise<OwnershipClaim> {
    const members = this.membersByRoom.get(roomId);
    const member = members?.get(userId);
    if (members === undefined || member === undefined) return 'not-member';
    if (member.role === 'owner') return 'already-owner';
    if ([...members.values()].some((other) => other.role === 'owner')) return 'taken';
    members.set(userId, { ...member, role: 'owner' });
    return 'claimed';
  }

  async releaseOwnership(roomId: number, userId: number): Promise<boolean> {
    const members = this.membersByRoom.get(roomId);
    const member = members?.get(userId);
    if (members === undefined || member?.role !== 'owner') return false;
    members.set(userId, { ...member, role: 'admin' });
    return true;
  }

  async count(roomId: number): Promise<number> {
    return this.membersByRoom.get(roomId)?.size ?? 0;
  }

  async page(roomId: number, query: RoomMemberPageQuery): Promise<StoredRoomMember[]> {
    const members = this.membersByRoom.get(roomId);
    if (members === undefined) return [];
    const after = query.after ?? 0;
    return ascending(members.keys())
      .filter((userId) => userId > after)
      .slice(0, Math.max(query.limit, 0))
      .map((userId) => ({ ...members.get(userId)! }));
  }

  async longestStanding(roomId: number, role: RoomRole): Promise<number | null> {
    const holders = [...(this.membersByRoom.get(roomId)?.values() ?? [])].filter((member) => member.role === role);
    holders.sort((a, b) => (a.joinedAt === b.joinedAt ? a.userId - b.userId : a.joinedAt < b.joinedAt ? -1 : 1));
    return holders[0]?.userId ?? null;
  }

  private addOne(roomId: number, member: StoredRoomMember): boolean {
    let members = this.membersByRoom.get(roomId);
    if (members?.has(member.userId)) return false;
    if (members === undefined) {
      members = new Map();
      this.membersByRoom.set(roomId, members);
    }
    members.set(member.userId, { userId: member.userId, role: member.role, joinedAt: member.joinedAt });
    let rooms = this.roomsByUser.get(member.userId);
    if (rooms === undefined) {
      rooms = new Set();
      this.roomsByUser.set(member.userId, rooms);
    }
    rooms.add(roomId);
    return true;
  }
}

const ascending = (ids: Iterable<number> | undefined): number[] => (ids === undefined ? [] : [...ids].sort((a, b) => a - b));
