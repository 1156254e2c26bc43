import type { RoomRole } from '../../contracts';
import { indexAfter, insertSorted, removeSorted } from '../../domain/sorted-ids';
import type { OwnershipClaim, RoomMemberPageQuery, RoomMembership, StoredRoomMember } from '../../ports';

/** One room's members: by userId, their ids ascending (kept sorted on add and remove), and its owner. */
interface RoomMembers {
  readonly byUser: Map<number, StoredRoomMember>;
  readonly ids: number[];
  owner?: number;
}

/**
 * {@link RoomMembership} in process memory: each room's members by userId with their ids kept
 * ascending (binary-search insertion on add and remove, so `members()` and `page()` copy or slice
 * instead of sorting: a room of 10,000 costs an add or a read no more than a room of 100), the
 * room's owner remembered (one owner per room, as the databases enforce: a second is refused), and
 * each user's rooms ascending likewise. Copies are returned; nothing survives a restart.
 */
export class InMemoryRoomMembership implements RoomMembership {
  private readonly rooms = new Map<number, RoomMembers>();
  private readonly roomsByUser = new Map<number, number[]>();

  async add(roomId: number, userId: number, role: RoomRole = 'member', joinedAt = new Date().toISOString()): Promise<boolean> {
    return this.addOne(roomId, { userId, role, joinedAt });
  }

  async addMany(roomId: number, members: readonly StoredRoomMember[]): Promise<number[]> {
    return members.filter((member) => this.addOne(roomId, member)).map((member) => member.userId).sort((a, b) => a - b);
  }

  async remove(roomId: number, userId: number): Promise<boolean> {
    const room = this.rooms.get(roomId);
    if (room === undefined || !room.byUser.delete(userId)) return false;
    removeSorted(room.ids, userId);
    if (room.owner === userId) room.owner = undefined;
    if (room.ids.length === 0) this.rooms.delete(roomId);
    const rooms = this.roomsByUser.get(userId);
    if (rooms !== undefined && removeSorted(rooms, roomId) && rooms.length === 0) this.roomsByUser.delete(userId);
    return true;
  }

  async removeAll(roomId: number): Promise<void> {
    for (const userId of await this.members(roomId)) await this.remove(roomId, userId);
  }

  async isMember(roomId: number, userId: number): Promise<boolean> {
    return this.rooms.get(roomId)?.byUser.has(userId) ?? false;
  }

  async members(roomId: number): Promise<number[]> {
    return [...(this.rooms.get(roomId)?.ids ?? [])];
  }

  async roomsOf(userId: number): Promise<number[]> {
    return [...(this.roomsByUser.get(userId) ?? [])];
  }

  async roleOf(roomId: number, userId: number): Promise<RoomRole | null> {
    return this.rooms.get(roomId)?.byUser.get(userId)?.role ?? null;
  }

  async setRole(roomId: number, userId: number, role: Exclude<RoomRole, 'owner'>): Promise<boolean> {
    const room = this.rooms.get(roomId);
    const member = room?.byUser.get(userId);
    if (room === undefined || member === undefined || member.role === 'owner') return false;
    room.byUser.set(userId, { ...member, role });
    return true;
  }

  async claimOwnership(roomId: number, userId: number): Promise<OwnershipClaim> {
    const room = this.rooms.get(roomId);
    const member = room?.byUser.get(userId);
    if (room === undefined || member === undefined) return 'not-member';
    if (room.owner === userId) return 'already-owner';
    if (room.owner !== undefined) return 'taken';
    room.byUser.set(userId, { ...member, role: 'owner' });
    room.owner = userId;
    return 'claimed';
  }

  async releaseOwnership(roomId: number, userId: number): Promise<boolean> {
    const room = this.rooms.get(roomId);
    const member = room?.byUser.get(userId);
    if (room === undefined || member === undefined || room.owner !== userId) return false;
    room.byUser.set(userId, { ...member, role: 'admin' });
    room.owner = undefined;
    return true;
  }

  async count(roomId: number): Promise<number> {
    return this.rooms.get(roomId)?.ids.length ?? 0;
  }

  async page(roomId: number, query: RoomMemberPageQuery): Promise<StoredRoomMember[]> {
    const room = this.rooms.get(roomId);
    if (room === undefined || query.limit < 1) return [];
    const from = indexAfter(room.ids, query.after ?? 0);
    return room.ids.slice(from, from + query.limit).map((userId) => ({ ...room.byUser.get(userId)! }));
  }

  /** The owner in O(1); another role by a scan of the room (only when a room needs an heir). */
  async longestStanding(roomId: number, role: RoomRole): Promise<number | null> {
    const room = this.rooms.get(roomId);
    if (room === undefined) return null;
    if (role === 'owner') return room.owner ?? null;
    let first: StoredRoomMember | undefined;
    for (const member of room.byUser.values()) {
      if (member.role === role && (first === undefined || joinedBefore(member, first))) first = member;
    }
    return first?.userId ?? null;
  }

  /** False, changing nothing, when the user is a member already or would be a second owner. */
  private addOne(roomId: number, member: StoredRoomMember): boolean {
    const room = this.rooms.get(roomId) ?? { byUser: new Map<number, StoredRoomMember>(), ids: [] };
    if (room.byUser.has(member.userId) || (member.role === 'owner' && room.owner !== undefined)) return false;
    this.rooms.set(roomId, room);
    room.byUser.set(member.userId, { userId: member.userId, role: member.role, joinedAt: member.joinedAt });
    insertSorted(room.ids, member.userId);
    if (member.role === 'owner') room.owner = member.userId;
    const rooms = this.roomsByUser.get(member.userId) ?? [];
    this.roomsByUser.set(member.userId, rooms);
    insertSorted(rooms, roomId);
    return true;
  }
}

const joinedBefore = (a: StoredRoomMember, b: StoredRoomMember): boolean =>
  a.joinedAt === b.joinedAt ? a.userId < b.userId : a.joinedAt < b.joinedAt;
