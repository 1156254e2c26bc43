import { ChatErrors } from '../contracts';
import type { RoomMembership, RoomStore } from '../ports';

/**
 * Passes when the user is a member of the room; otherwise tells "no such room" from "not a
 * member" with one room read, only on the refusal path.
 * @throws DomainError CHAT_ROOM_NOT_FOUND, CHAT_NOT_A_ROOM_MEMBER
 */
export const requireRoomMember = async (
  deps: { roomMembership: RoomMembership; roomStore: RoomStore },
  roomId: number,
  userId: number,
): Promise<void> => {
  if (await deps.roomMembership.isMember(roomId, userId)) return;
  if ((await deps.roomStore.findById(roomId)) === null) throw ChatErrors.roomNotFound(roomId);
  throw ChatErrors.notARoomMember(roomId);
};
