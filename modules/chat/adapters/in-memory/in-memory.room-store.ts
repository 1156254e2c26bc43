import { INT32_MAX } from '../../../kernel';
import type { NewRoom, RoomStore, StoredRoom } from '../../ports';

/**
 * {@link RoomStore} in process memory, for the monolith without a database and for
 * tests. Rooms live in a Map keyed by roomId; ids come from a counter (1, 2, 3...),
 * so they are never reused while the process lives. Nothing survives a restart.
 */
export class InMemoryRoomStore implements RoomStore {
  private readonly rooms = new Map<number, StoredRoom>();
  private lastRoomId = 0;

  async create(room: NewRoom): Promise<StoredRoom> {
    if (this.lastRoomId >= INT32_MAX) throw new Error('InMemoryRoomStore: no roomId left');
    this.lastRoomId += 1;
    const stored: StoredRoom = { roomId: this.lastRoomId, name: room.name, createdBy: room.createdBy, createdAt: room.createdAt };
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
}
