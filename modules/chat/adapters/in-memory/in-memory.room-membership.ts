import type { RoomMembership } from '../../ports';

/**
 * {@link RoomMembership} in process memory: two Map-of-Set indexes (members by room,
 * rooms by user) kept in step, so every question is answered without a scan.
 * Sorted copies are returned; nothing survives a restart.
 */
export class InMemoryRoomMembership implements RoomMembership {
  private readonly membersByRoom = new Map<number, Set<number>>();
  private readonly roomsByUser = new Map<number, Set<number>>();

  async add(roomId: number, userId: number): Promise<boolean> {
    if (this.membersByRoom.get(roomId)?.has(userId)) return false;
    setOf(this.membersByRoom, roomId).add(userId);
    setOf(this.roomsByUser, userId).add(roomId);
    return true;
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

  async isMember(roomId: number, userId: number): Promise<boolean> {
    return this.membersByRoom.get(roomId)?.has(userId) ?? false;
  }

  async members(roomId: number): Promise<number[]> {
    return ascending(this.membersByRoom.get(roomId));
  }

  async roomsOf(userId: number): Promise<number[]> {
    return ascending(this.roomsByUser.get(userId));
  }
}

const setOf = (index: Map<number, Set<number>>, key: number): Set<number> => {
  let set = index.get(key);
  if (set === undefined) {
    set = new Set();
    index.set(key, set);
  }
  return set;
};

const ascending = (set: Set<number> | undefined): number[] => (set === undefined ? [] : [...set].sort((a, b) => a - b));
