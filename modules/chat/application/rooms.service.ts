import { requirePositiveInt32 } from '@chatterroom/kernel';
import type { Clock, Logger } from '@chatterroom/kernel';
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
import type { ChatEventLog, RoomMembership, RoomStore, StoredRoom, UserLookup } from '../ports';
import { requireInputObject } from '../domain/input-object';
import { requireRoomName } from '../domain/room-name';
import { optionalInitialMembers, optionalVisibility } from '../domain/room-settings';
import { announce, type EventRecordedSignal } from './announce';
import type { ConversationTracking } from './conversation-tracking';
import { memberOf, requireRoomInput } from './room-access';
import { announceHandOver, announceMemberAdded, announceRoleChanged } from './room-announcements';
import { ensureOwner } from './room-ownership';

export interface RoomsServiceDeps {
  readonly roomStore: RoomStore;
  readonly roomMembership: RoomMembership;
  readonly chatEventLog: ChatEventLog;
  readonly chatEventRelay?: EventRecordedSignal;
  readonly conversationTracking: ConversationTracking;
  readonly userLookup: UserLookup;
  readonly clock: Clock;
  readonly logger: Logger;
}

/** The in-process {@link RoomRegistry}: rooms and memberships, each real change announced after it is stored. */
export class RoomsService implements RoomRegistry {
  constructor(private readonly deps: RoomsServiceDeps) {}

  /** Checks every listed member exists before storing anything; then the room, then all its members in one write. */
  async createRoom(input: CreateRoomInput): Promise<RoomSummary> {
    requireInputObject(input);
    const userId = requirePositiveInt32(input.userId, 'userId');
    const name = requireRoomName(input.roomName);
    const visibility = optionalVisibility(input.visibility) ?? 'public';
    const invited = optionalInitialMembers(input.members, userId);
    const known = await Promise.all(invited.map((memberId) => this.deps.userLookup.exists(memberId)));
    const unknown = invited.find((_memberId, index) => !known[index]);
    if (unknown !== undefined) throw ChatErrors.userNotFound(unknown);
    const createdAt = this.deps.clock.now().toISOString();
    const room = await this.deps.roomStore.create({ name, createdBy: userId, createdAt, visibility });
    const members = [{ userId, role: 'owner' as const, joinedAt: createdAt }, ...invited.map((id) => ({ userId: id, role: 'member' as const, joinedAt: createdAt }))];
    try {
      await this.deps.roomMembership.addMany(room.roomId, members);
    } catch (error) {
      await this.deps.roomStore.delete(room.roomId);
      throw error;
    }
    await this.announceChange(ROOM_MEMBER_JOINED_V1, room.roomId, userId);
    for (const memberId of invited) await announceMemberAdded(this.deps, room.roomId, memberId, 'member', userId);
    return summaryOf(room);
  }

  /** A private room is entered only by being added: its members may "join" (nothing changes), nobody else sees it. */
  async joinRoom(input: RoomMemberInput): Promise<RoomMembershipState> {
    const { room, userId, role } = await requireRoomInput(this.deps, input);
    const { roomId } = room;
    if (role === null && (await this.deps.roomMembership.add(roomId, userId, 'member', this.deps.clock.now().toISOString()))) {
      await this.deps.conversationTracking.memberJoined(roomId, userId);
      const heir = await ensureOwner(this.deps.roomMembership, roomId, room.createdBy);
      await this.announceChange(ROOM_MEMBER_JOINED_V1, roomId, userId);
      if (heir !== null) await announceRoleChanged(this.deps, roomId, heir, 'owner', userId);
    }
    return { roomId, userId, joined: true };
  }

  async leaveRoom(input: RoomMemberInput): Promise<RoomMembershipState> {
    const { room, userId } = await requireRoomInput(this.deps, input);
    const { roomId } = room;
    if (await this.deps.roomMembership.remove(roomId, userId)) {
      const heir = await ensureOwner(this.deps.roomMembership, roomId, room.createdBy);
      await this.announceChange(ROOM_MEMBER_LEFT_V1, roomId, userId);
      await announceHandOver(this.deps, roomId, heir, userId);
    }
    return { roomId, userId, joined: false };
  }

  async listRooms(input: ListRoomsInput): Promise<RoomSummary[]> {
    requireInputObject(input);
    const userId = requirePositiveInt32(input.userId, 'userId');
    const rooms = await this.deps.roomStore.findManyByIds(await this.deps.roomMembership.roomsOf(userId));
    return rooms.map(summaryOf);
  }

  async getRoom(input: RoomMemberInput): Promise<RoomDetails> {
    const { room, role } = await memberOf(requireRoomInput(this.deps, input));
    const members = await this.deps.roomMembership.members(room.roomId);
    return { ...summaryOf(room), members, visibility: room.visibility, memberCount: members.length, role };
  }

  /** To the members after the change, plus the user who changed: it names them, as joining or leaving the room. */
  private announceChange(type: typeof ROOM_MEMBER_JOINED_V1 | typeof ROOM_MEMBER_LEFT_V1, roomId: number, userId: number): Promise<void> {
    return announce<RoomMembershipChangedV1>(this.deps, type, async () => ({
      payload: { roomId, userId },
      named: [userId],
      roomId,
      membership: type === ROOM_MEMBER_JOINED_V1 ? 'joins' : 'leaves',
    }));
  }
}

const summaryOf = (room: StoredRoom): RoomSummary => ({ roomId: room.roomId, name: room.name });
