import { requirePositiveInt32 } from '../../kernel';
import type { Clock, EventBus, Logger } from '../../kernel';
import { ChatErrors, ROOM_MEMBER_JOINED_V1, ROOM_MEMBER_LEFT_V1 } from '../contracts';
import type {
  CreateRoomInput,
  ListRoomsInput,
  RoomDetails,
  RoomMemberInput,
  RoomMembershipChangedV1,
  RoomMembershipState,
  RoomRegistry,
  RoomSummary,
} from '../contracts';
import type { RoomMembership, RoomStore, StoredRoom } from '../ports';
import { audienceOf } from '../domain/audience';
import { requireInputObject } from '../domain/input-object';
import { requireRoomName } from '../domain/room-name';
import { announce } from './announce';
import type { ConversationTracking } from './conversation-tracking';

export interface RoomsServiceDeps {
  readonly roomStore: RoomStore;
  readonly roomMembership: RoomMembership;
  readonly conversationTracking: ConversationTracking;
  readonly eventBus: EventBus;
  readonly clock: Clock;
  readonly logger: Logger;
}

/** The in-process {@link RoomRegistry}: rooms and memberships, each real change announced after it is stored. */
export class RoomsService implements RoomRegistry {
  constructor(private readonly deps: RoomsServiceDeps) {}

  async createRoom(input: CreateRoomInput): Promise<RoomSummary> {
    requireInputObject(input);
    const userId = requirePositiveInt32(input.userId, 'userId');
    const name = requireRoomName(input.roomName);
    const room = await this.deps.roomStore.create({ name, createdBy: userId, createdAt: this.deps.clock.now().toISOString() });
    await this.deps.roomMembership.add(room.roomId, userId);
    await this.announceChange(ROOM_MEMBER_JOINED_V1, room.roomId, userId);
    return summaryOf(room);
  }

  async joinRoom(input: RoomMemberInput): Promise<RoomMembershipState> {
    const { roomId, userId } = await this.requireRoom(input);
    if (await this.deps.roomMembership.add(roomId, userId)) {
      await this.deps.conversationTracking.memberJoined(roomId, userId);
      await this.announceChange(ROOM_MEMBER_JOINED_V1, roomId, userId);
    }
    return { roomId, userId, joined: true };
  }

  async leaveRoom(input: RoomMemberInput): Promise<RoomMembershipState> {
    const { roomId, userId } = await this.requireRoom(input);
    if (await this.deps.roomMembership.remove(roomId, userId)) await this.announceChange(ROOM_MEMBER_LEFT_V1, roomId, userId);
    return { roomId, userId, joined: false };
  }

  async listRooms(input: ListRoomsInput): Promise<RoomSummary[]> {
    requireInputObject(input);
    const userId = requirePositiveInt32(input.userId, 'userId');
    const rooms = await this.deps.roomStore.findManyByIds(await this.deps.roomMembership.roomsOf(userId));
    return rooms.map(summaryOf);
  }

  async getRoom(input: RoomMemberInput): Promise<RoomDetails> {
    const { room, userId } = await this.requireRoom(input);
    if (!(await this.deps.roomMembership.isMember(room.roomId, userId))) throw ChatErrors.notARoomMember(room.roomId);
    return { ...summaryOf(room), members: await this.deps.roomMembership.members(room.roomId) };
  }

  private async requireRoom(input: RoomMemberInput): Promise<{ room: StoredRoom; roomId: number; userId: number }> {
    requireInputObject(input);
    const userId = requirePositiveInt32(input.userId, 'userId');
    const roomId = requirePositiveInt32(input.roomId, 'roomId');
    const room = await this.deps.roomStore.findById(roomId);
    if (room === null) throw ChatErrors.roomNotFound(roomId);
    return { room, roomId, userId };
  }

  /** Audience: the members after the change, plus the user who changed. */
  private announceChange(type: string, roomId: number, userId: number): Promise<void> {
    return announce<RoomMembershipChangedV1>(this.deps, type, async () => ({
      roomId,
      userId,
      audience: audienceOf(await this.deps.roomMembership.members(roomId), userId),
    }));
  }
}

const summaryOf = (room: StoredRoom): RoomSummary => ({ roomId: room.roomId, name: room.name });
