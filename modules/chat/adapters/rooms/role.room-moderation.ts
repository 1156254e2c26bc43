import type { RoomMembership, RoomModeration } from '../../ports';

/** {@link RoomModeration} answered by room roles: a room's owner and admins moderate it. */
export class RoleRoomModeration implements RoomModeration {
  constructor(private readonly deps: { roomMembership: RoomMembership }) {}

  async mayModerate(roomId: number, userId: number): Promise<boolean> {
    const role = await this.deps.roomMembership.roleOf(roomId, userId);
    return role === 'owner' || role === 'admin';
  }
}
