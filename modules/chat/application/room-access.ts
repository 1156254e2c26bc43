import { requirePositiveInt32 } from '@chatterroom/kernel';
import { ChatErrors } from '../contracts';
import type { RoomRole } from '../contracts';
import type { RoomMembership, RoomStore, StoredRoom } from '../ports';
import { requireInputObject } from '../domain/input-object';

export interface RoomAccessDeps {
  readonly roomStore: RoomStore;
  readonly roomMembership: RoomMembership;
}

/** A room and the acting user's role in it (null: not a member). */
export interface RoomAndRole {
  readonly room: StoredRoom;
  readonly userId: number;
  readonly role: RoomRole | null;
}

/** Reads `userId` and `roomId` of an input and loads the room as that user may see it. */
export const requireRoomInput = async (deps: RoomAccessDeps, input: { userId: unknown; roomId: unknown }): Promise<RoomAndRole> => {
  requireInputObject(input);
  const userId = requirePositiveInt32(input.userId, 'userId');
  const roomId = requirePositiveInt32(input.roomId, 'roomId');
  return visibleRoom(deps, roomId, userId);
};

/**
 * The room with the user's role, when the user may know it exists: a private room is
 * CHAT_ROOM_NOT_FOUND to a non-member, exactly like a room that does not exist.
 */
export const visibleRoom = async (deps: RoomAccessDeps, roomId: number, userId: number): Promise<RoomAndRole> => {
  const room = await deps.roomStore.findById(roomId);
  const role = room === null ? null : await deps.roomMembership.roleOf(roomId, userId);
  return { room: requireVisible(room, roomId, role !== null), userId, role };
};

/**
 * Throws unless `userId` is a member of the room: CHAT_NOT_A_ROOM_MEMBER, or CHAT_ROOM_NOT_FOUND
 * when the user may not know the room exists. A member's room exists (deleting a room removes its
 * members first), so the room is read only for a non-member: a member's call costs one read.
 */
export const requireRoomMember = async (deps: RoomAccessDeps, roomId: number, userId: number): Promise<void> => {
  if (await deps.roomMembership.isMember(roomId, userId)) return;
  requireVisible(await deps.roomStore.findById(roomId), roomId, false);
  throw ChatErrors.notARoomMember(roomId);
};

/** The visibility rule: a room that does not exist, or a private room to a non-member, is CHAT_ROOM_NOT_FOUND. */
const requireVisible = (room: StoredRoom | null, roomId: number, member: boolean): StoredRoom => {
  if (room === null || (!member && room.visibility === 'private')) throw ChatErrors.roomNotFound(roomId);
  return room;
};

/** As {@link visibleRoom}, for members only: a public room answers a non-member CHAT_NOT_A_ROOM_MEMBER. */
export const memberOf = async (found: Promise<RoomAndRole>): Promise<RoomAndRole & { role: RoomRole }> => {
  const access = await found;
  if (access.role === null) throw ChatErrors.notARoomMember(access.room.roomId);
  return { ...access, role: access.role };
};

/** Throws CHAT_FORBIDDEN_ROLE unless `role` is one of `allowed`. */
export const requireRole = (role: RoomRole, allowed: readonly RoomRole[], what: string): void => {
  if (!allowed.includes(role)) throw ChatErrors.forbiddenRole(`Only ${allowed.join(' or ')} may ${what}`);
};

/** Owner and admins manage a room; in a public room any member may add people. */
export const mayAdd = (room: StoredRoom, role: RoomRole): boolean => room.visibility === 'public' || role !== 'member';
