import type { RoomMembership, RoomModeration, RoomStore } from '../../ports';

/**
 * {@link RoomModeration} answered by who created the room: its owner moderates while a
 * member. The seam room roles (owner/admin) answer once rooms have them.
 */
export class CreatorRoomModeration implements RoomModeration {
  constructor(private readonly deps: { roomStore: RoomStore; roomMembership: RoomMembership }) {}

  async mayModerate(roomId: number, userId: number): Promise<boolean> {
    const room = await this.deps.roomStore.findById(roomId);
    return room !== null && room.createdBy === userId && (await this.deps.roomMembership.isMember(roomId, userId));
  }
}
