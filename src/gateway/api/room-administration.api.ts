import type {
  PublicRoomPage,
  RoomAdministration,
  RoomDeletion,
  RoomInfo,
  RoomMember,
  RoomMemberRemoval,
  RoomRole,
  RoomVisibility,
} from '@chatterroom/chat/contracts';
import type { UserDirectory } from '@chatterroom/users/contracts';
import { idField, inputFieldsOf, type InputFields } from './input-fields';

type AdministrationDeps = { roomAdministration: RoomAdministration };

/** A member as the members listing shows them. */
export interface RoomMemberBody {
  readonly userId: number;
  readonly username: string;
  readonly role: RoomRole;
  readonly joinedAt: string;
  /** The seq of the last message this member has read in the room (0: none). */
  readonly readSeq: number;
}

export interface RoomMemberPageBody {
  readonly members: RoomMemberBody[];
  /** The `after` of the next page; null on the last. */
  readonly nextAfter: number | null;
}

export interface PublicRoomPageBody {
  readonly rooms: PublicRoomPage['rooms'];
  readonly nextAfter: number | null;
}

/** Paging of a listing, as the transports read it; absent fields are left to the module's defaults. */
export interface ListingPaging {
  readonly after?: number;
  readonly limit?: number;
}

const memberBody = (member: RoomMember): RoomMember => ({ roomId: member.roomId, userId: member.userId, role: member.role, joinedAt: member.joinedAt });

/** Fields a client may send as JSON values the module then judges (strings it checks, such as role and visibility). */
const rawField = (fields: InputFields, name: string): unknown => fields[name];

/** Adds `{userId}` to the room, as the caller. */
export const addRoomMember = async (deps: AdministrationDeps, callerId: number, roomId: number, body: unknown): Promise<RoomMember> => {
  const memberId = idField(inputFieldsOf(body), 'userId');
  return memberBody(await deps.roomAdministration.addMember({ userId: callerId, roomId, memberId }));
};

export const removeRoomMember = async (deps: AdministrationDeps, callerId: number, roomId: number, memberId: number): Promise<RoomMemberRemoval> => {
  const removal = await deps.roomAdministration.removeMember({ userId: callerId, roomId, memberId });
  return { roomId: removal.roomId, userId: removal.userId, removed: removal.removed };
};

/** Sets `{role}` of a member, as the caller (the owner). */
export const setRoomRole = async (deps: AdministrationDeps, callerId: number, roomId: number, memberId: number, body: unknown): Promise<RoomMember> => {
  const role = rawField(inputFieldsOf(body), 'role') as RoomRole;
  return memberBody(await deps.roomAdministration.setRole({ userId: callerId, roomId, memberId, role }));
};

/** Applies `{name?, visibility?}` to the room. */
export const updateRoom = async (deps: AdministrationDeps, callerId: number, roomId: number, body: unknown): Promise<RoomInfo> => {
  const fields = inputFieldsOf(body);
  const name = rawField(fields, 'name') as string | undefined;
  const visibility = rawField(fields, 'visibility') as RoomVisibility | undefined;
  const room = await deps.roomAdministration.updateRoom({
    userId: callerId,
    roomId,
    ...(name === undefined ? {} : { name }),
    ...(visibility === undefined ? {} : { visibility }),
  });
  return { roomId: room.roomId, name: room.name, visibility: room.visibility };
};

export const deleteRoom = async (deps: AdministrationDeps, callerId: number, roomId: number): Promise<RoomDeletion> => {
  const deletion = await deps.roomAdministration.deleteRoom({ userId: callerId, roomId });
  return { roomId: deletion.roomId, deleted: deletion.deleted };
};

/** One page of members with their usernames (one directory call per page). */
export const listRoomMembers = async (
  deps: AdministrationDeps & { userDirectory: UserDirectory },
  callerId: number,
  roomId: number,
  paging: ListingPaging,
): Promise<RoomMemberPageBody> => {
  const page = await deps.roomAdministration.listMembers({ userId: callerId, roomId, ...paging });
  const users = await deps.userDirectory.getUsers({ userIds: page.members.map((member) => member.userId) });
  const usernames = new Map(users.map((user) => [user.userId, user.username]));
  return {
    members: page.members.map((member) => ({
      userId: member.userId,
      username: usernames.get(member.userId) ?? '',
      role: member.role,
      joinedAt: member.joinedAt,
      readSeq: member.readSeq ?? 0,
    })),
    nextAfter: page.nextAfter ?? null,
  };
};

/** One page of the public-room directory. */
export const listPublicRooms = async (
  deps: AdministrationDeps,
  callerId: number,
  query: string | undefined,
  paging: ListingPaging,
): Promise<PublicRoomPageBody> => {
  const page = await deps.roomAdministration.listPublicRooms({ userId: callerId, ...(query === undefined ? {} : { query }), ...paging });
  return {
    rooms: page.rooms.map((room) => ({ roomId: room.roomId, name: room.name, visibility: room.visibility, memberCount: room.memberCount })),
    nextAfter: page.nextAfter ?? null,
  };
};
