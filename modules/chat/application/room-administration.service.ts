import { optionalPageLimit, requirePositiveInt32, validationFailed } from '@chatterroom/kernel';
import type { Clock, Logger } from '@chatterroom/kernel';
import {
  ChatErrors,
  PUBLIC_ROOMS_DEFAULT_LIMIT,
  PUBLIC_ROOMS_MAX_LIMIT,
  ROOM_DELETED_V1,
  ROOM_MEMBERS_DEFAULT_LIMIT,
  ROOM_MEMBERS_MAX_LIMIT,
  ROOM_UPDATED_V1,
} from '../contracts';
import type {
  ListPublicRoomsInput,
  ListRoomMembersInput,
  PublicRoomPage,
  RoomActionInput,
  RoomAdministration,
  RoomDeletedV1,
  RoomDeletion,
  RoomInfo,
  RoomMember,
  RoomMemberChangeInput,
  RoomMemberPage,
  RoomMemberRemoval,
  RoomUpdatedV1,
  SetRoomRoleInput,
  UpdateRoomInput,
} from '../contracts';
import type { ChatEventLog, MessageStore, ReadMarkerStore, RoomMembership, RoomStore, StoredRoom, StoredRoomMember, UserLookup } from '../ports';
import { roomConversation } from '../domain/conversation-key';
import { requireRoomName, ROOM_NAME_MAX_LENGTH } from '../domain/room-name';
import { optionalAfter, optionalVisibility, requireRole as requireRoleValue } from '../domain/room-settings';
import { requireString } from '../domain/text-length';
import { requireInputObject } from '../domain/input-object';
import { announce, type EventRecordedSignal } from './announce';
import { mayAdd, memberOf, requireRole, requireRoomInput } from './room-access';
import { announceHandOver, announceMemberAdded, announceMemberRemoved, announceRoleChanged } from './room-announcements';
import { ensureOwner } from './room-ownership';
import type { ConversationTracking } from './conversation-tracking';

export interface RoomAdministrationServiceDeps {
  readonly roomStore: RoomStore;
  readonly roomMembership: RoomMembership;
  readonly messageStore: MessageStore;
  readonly userLookup: UserLookup;
  readonly conversationTracking: ConversationTracking;
  readonly readMarkerStore: ReadMarkerStore;
  /** Where events are recorded (the outbox) and who publishes them: see announce. */
  readonly chatEventLog: ChatEventLog;
  readonly chatEventRelay?: EventRecordedSignal;
  readonly clock: Clock;
  readonly logger: Logger;
}

/** The in-process {@link RoomAdministration}: checks the acting user's role, stores the change, then announces it. */
export class RoomAdministrationService implements RoomAdministration {
  constructor(private readonly deps: RoomAdministrationServiceDeps) {}

  async addMember(input: RoomMemberChangeInput): Promise<RoomMember> {
    const { room, userId, role } = await memberOf(requireRoomInput(this.deps, input));
    const memberId = requirePositiveInt32(input.memberId, 'memberId');
    if (!mayAdd(room, role)) throw ChatErrors.forbiddenRole('Only the owner or an admin may add members to a private room');
    if (!(await this.deps.userLookup.exists(memberId))) throw ChatErrors.userNotFound(memberId);
    const joinedAt = this.deps.clock.now().toISOString();
    if (!(await this.deps.roomMembership.add(room.roomId, memberId, 'member', joinedAt))) throw ChatErrors.alreadyMember(room.roomId, memberId);
    await this.deps.conversationTracking.memberJoined(room.roomId, memberId);
    const heir = await ensureOwner(this.deps.roomMembership, room.roomId, userId);
    await announceMemberAdded(this.deps, room.roomId, memberId, 'member', userId);
    await announceHandOver(this.deps, room.roomId, heir, userId);
    return { roomId: room.roomId, userId: memberId, role: 'member', joinedAt };
  }

  /** The owner removes anyone, an admin only members; removing oneself is leaving (ownership passes on). */
  async removeMember(input: RoomMemberChangeInput): Promise<RoomMemberRemoval> {
    const { room, userId, role } = await memberOf(requireRoomInput(this.deps, input));
    const memberId = requirePositiveInt32(input.memberId, 'memberId');
    const { roomId } = room;
    if (memberId !== userId) {
      requireRole(role, ['owner', 'admin'], 'remove members');
      const target = await this.deps.roomMembership.roleOf(roomId, memberId);
      if (target === null) throw ChatErrors.notMember(roomId, memberId);
      if (role === 'admin' && target !== 'member') throw ChatErrors.forbiddenRole('An admin may remove members only, not admins or the owner');
    }
    if (!(await this.deps.roomMembership.remove(roomId, memberId))) throw ChatErrors.notMember(roomId, memberId);
    const heir = await ensureOwner(this.deps.roomMembership, roomId, memberId === userId ? room.createdBy : userId);
    await announceMemberRemoved(this.deps, roomId, memberId, userId);
    await announceHandOver(this.deps, roomId, heir, userId);
    return { roomId, userId: memberId, removed: true };
  }

  async setRole(input: SetRoomRoleInput): Promise<RoomMember> {
    const { room, userId, role } = await memberOf(requireRoomInput(this.deps, input));
    const memberId = requirePositiveInt32(input.memberId, 'memberId');
    const newRole = requireRoleValue(input.role);
    requireRole(role, ['owner'], 'change roles');
    const { roomId } = room;
    if (memberId === userId && newRole !== 'owner') throw ChatErrors.forbiddenRole('The owner keeps the owner role: hand it to a member first');
    const [current] = await this.deps.roomMembership.page(roomId, { after: memberId - 1, limit: 1 });
    if (current === undefined || current.userId !== memberId) throw ChatErrors.notMember(roomId, memberId);
    if (current.role === newRole) return { roomId, ...current };
    if (newRole === 'owner') return this.handOver(roomId, userId, current);
    if (!(await this.deps.roomMembership.setRole(roomId, memberId, newRole))) throw ChatErrors.notMember(roomId, memberId);
    await announceRoleChanged(this.deps, roomId, memberId, newRole, userId);
    return { roomId, userId: memberId, role: newRole, joinedAt: current.joinedAt };
  }

  /**
   * The owner steps down to admin, then the heir claims the room; both writes are conditional,
   * so a hand-over racing a leave or another hand-over (on any replica) never leaves two owners,
   * and an heir who left meanwhile is replaced by the usual successor ({@link ensureOwner}).
   */
  private async handOver(roomId: number, ownerId: number, heir: StoredRoomMember): Promise<RoomMember> {
    if (!(await this.deps.roomMembership.releaseOwnership(roomId, ownerId))) throw ChatErrors.forbiddenRole('Only the owner may change roles');
    const claim = await this.deps.roomMembership.claimOwnership(roomId, heir.userId);
    const successor = claim === 'claimed' ? heir.userId : await ensureOwner(this.deps.roomMembership, roomId);
    await announceRoleChanged(this.deps, roomId, ownerId, 'admin', ownerId);
    await announceHandOver(this.deps, roomId, successor, ownerId);
    if (claim === 'not-member') throw ChatErrors.notMember(roomId, heir.userId);
    if (claim !== 'claimed') throw ChatErrors.ownershipMoved(roomId);
    return { roomId, userId: heir.userId, role: 'owner', joinedAt: heir.joinedAt };
  }

  async updateRoom(input: UpdateRoomInput): Promise<RoomInfo> {
    const { room, userId, role } = await memberOf(requireRoomInput(this.deps, input));
    const name = input.name === undefined || input.name === null ? undefined : requireRoomName(input.name, 'name');
    const visibility = optionalVisibility(input.visibility);
    if (name === undefined && visibility === undefined) throw validationFailed('give name, visibility or both');
    requireRole(role, ['owner', 'admin'], 'rename a room or change its visibility');
    const updated = await this.deps.roomStore.update(room.roomId, { ...(name === undefined ? {} : { name }), ...(visibility === undefined ? {} : { visibility }) });
    if (updated === null) throw ChatErrors.roomNotFound(room.roomId);
    await announce<RoomUpdatedV1>(this.deps, ROOM_UPDATED_V1, async () => ({ payload: { ...infoOf(updated), byUserId: userId }, roomId: updated.roomId }));
    return infoOf(updated);
  }

  /**
   * Members go first (sends start failing at once), then the history, then the room itself. The
   * event names every member it had (the room has none left to resolve), each leaving it.
   */
  async deleteRoom(input: RoomActionInput): Promise<RoomDeletion> {
    const { room, userId, role } = await memberOf(requireRoomInput(this.deps, input));
    requireRole(role, ['owner'], 'delete a room');
    const { roomId } = room;
    const audience = await this.deps.roomMembership.members(roomId);
    await this.deps.roomMembership.removeAll(roomId);
    await this.deps.messageStore.deleteConversation(roomConversation(roomId));
    await this.deps.roomStore.delete(roomId);
    await announce<RoomDeletedV1>(this.deps, ROOM_DELETED_V1, async () => ({ payload: { roomId, byUserId: userId }, named: audience, roomId, membership: 'leaves' }));
    return { roomId, deleted: true };
  }

  async listMembers(input: ListRoomMembersInput): Promise<RoomMemberPage> {
    const { room } = await memberOf(requireRoomInput(this.deps, input));
    const limit = optionalPageLimit(input.limit, ROOM_MEMBERS_MAX_LIMIT, ROOM_MEMBERS_DEFAULT_LIMIT);
    const after = optionalAfter(input.after);
    const rows = await this.deps.roomMembership.page(room.roomId, { ...(after === undefined ? {} : { after }), limit: limit + 1 });
    const shown = rows.slice(0, limit);
    const readers = await this.deps.readMarkerStore.readersOf(roomConversation(room.roomId), shown.map((row) => row.userId));
    const members = shown.map((row) => ({ roomId: room.roomId, ...row, readSeq: readers.get(row.userId) ?? 0 }));
    return rows.length > limit ? { members, nextAfter: members.at(-1)!.userId } : { members };
  }

  async listPublicRooms(input: ListPublicRoomsInput): Promise<PublicRoomPage> {
    requireInputObject(input);
    requirePositiveInt32(input.userId, 'userId');
    const query = optionalQuery(input.query);
    const limit = optionalPageLimit(input.limit, PUBLIC_ROOMS_MAX_LIMIT, PUBLIC_ROOMS_DEFAULT_LIMIT);
    const after = optionalAfter(input.after);
    const found = await this.deps.roomStore.listPublic({ query, limit: limit + 1, ...(after === undefined ? {} : { after }) });
    const page = found.slice(0, limit);
    const rooms = await Promise.all(page.map(async (room) => ({ ...infoOf(room), memberCount: await this.deps.roomMembership.count(room.roomId) })));
    return found.length > limit ? { rooms, nextAfter: page.at(-1)!.roomId } : { rooms };
  }
}

const infoOf = (room: StoredRoom): RoomInfo => ({ roomId: room.roomId, name: room.name, visibility: room.visibility });

const optionalQuery = (value: unknown): string => {
  if (value === undefined || value === null) return '';
  const query = requireString(value, 'q').trim();
  if ([...query].length > ROOM_NAME_MAX_LENGTH) throw validationFailed(`q must be at most ${ROOM_NAME_MAX_LENGTH} characters`);
  return query;
};
