import { INT32_MAX } from '@chatterroom/kernel';
import type { NewRoom, PublicRoomQuery, RoomChanges, RoomStore, StoredRoom } from '../../ports';

/**
 * {@link RoomStore} in process memory, for the monolith without a database and for
 * tests. Rooms live in a Map keyed by roomId; ids come from a counter (1, 2, 3...),
 * so they are never reused while the process lives. The public directory filters the
 * Map (no index). Nothing survives a restart.
 */
export class InMemoryRoomStore implements RoomStore {
  private readonly rooms = new Map<number, StoredRoom>();
  private lastRoomId = 0;

  async create(room: NewRoom): Promise<StoredRoom> {
    if (this.lastRoomId >= INT32_MAX) throw new Error('InMemoryRoomStore: no roomId left');
    this.lastRoomId += 1;
    const stored: StoredRoom = {
      roomId: this.lastRoomId,
      name: room.name,
      createdBy: room.createdBy,
      createdAt: room.createdAt,
      visibility: room.visibility,
    };
    this.rooms.set(stored.roomId, stored);
    return { ...stored };
  }

  async findById(roomId: number): Promise<StoredRoom | null> {
    const room = this.rooms.get(roomId);
    return room === undefined ? null : { ...room };
  }

  async findManyByIds(roomIds: readonly number[]): Promise<StoredRoom[]> {
    return [...new Set(roomIds)]
      .sort((a, b) => a - b)
      .flatMap((roomId) => {
        const room = this.rooms.get(roomId);
        return room === undefined ? [] : [{ ...room }];
      });
  }

  async update(roomId: number, changes: RoomChanges): Promise<StoredRoom | null> {
    const room = this.rooms.get(roomId);
    if (room === undefined) return null;
    const updated: StoredRoom = { ...room, ...definedChanges(changes) };
    this.rooms.set(roomId, updated);
    return { ...updated };
  }

  async delete(roomId: number): Promise<boolean> {
    return this.rooms.delete(roomId);
  }

  async listPublic(query: PublicRoomQuery): Promise<StoredRoom[]> {
    const folded = (query.query ?? '').toLowerCase();
    const after = query.after ?? 0;
    return [...this.rooms.values()]
      .filter((room) => room.visibility === 'public' && room.roomId > after && room.name.toLowerCase().includes(folded))
      .sort((a, b) => a.roomId - b.roomId)
      .slice(0, Math.max(query.limit, 0))
      .map((room) => ({ ...room }));
  }
}

/** The changes actually given (an absent field changes nothing). */
const definedChanges = (changes: RoomChanges): RoomChanges => ({
  ...(changes.name === undefined ? {} : { name: changes.name }),
  ...(changes.visibility === undefined ? {} : { visibility: changes.visibility }),
});
