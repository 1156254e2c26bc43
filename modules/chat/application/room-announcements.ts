import type { Clock, Logger } from '@chatterroom/kernel';
import {
  ROOM_MEMBER_ADDED_V1,
  ROOM_MEMBER_REMOVED_V1,
  ROOM_ROLE_CHANGED_V1,
  type RoomMemberAddedV1,
  type RoomMemberRemovedV1,
  type RoomRole,
  type RoomRoleChangedV1,
} from '../contracts';
import type { ChatEventLog, RoomMembership } from '../ports';
import { audienceOf } from '../domain/audience';
import { announce, type EventRecordedSignal } from './announce';

export interface RoomAnnouncementDeps {
  readonly roomMembership: RoomMembership;
  /** Where events are recorded (the outbox) and who publishes them: see announce. */
  readonly chatEventLog: ChatEventLog;
  readonly chatEventRelay?: EventRecordedSignal;
  readonly clock: Clock;
  readonly logger: Logger;
}

/** The room's members now, read when the event is built (after the change is stored). */
const membersNow = (deps: RoomAnnouncementDeps, roomId: number, ...also: number[]): Promise<number[]> =>
  deps.roomMembership.members(roomId).then((members) => audienceOf(members, also));

/** `chat.room-member-added.v1`, to the members after it. */
export const announceMemberAdded = (deps: RoomAnnouncementDeps, roomId: number, userId: number, role: RoomRole, byUserId: number) =>
  announce<RoomMemberAddedV1>(deps, ROOM_MEMBER_ADDED_V1, async () => ({
    roomId,
    userId,
    role,
    byUserId,
    audience: await membersNow(deps, roomId, userId),
  }));

/** `chat.room-member-removed.v1`, to the members after it and the removed one. */
export const announceMemberRemoved = (deps: RoomAnnouncementDeps, roomId: number, userId: number, byUserId: number) =>
  announce<RoomMemberRemovedV1>(deps, ROOM_MEMBER_REMOVED_V1, async () => ({
    roomId,
    userId,
    byUserId,
    audience: await membersNow(deps, roomId, userId),
  }));

/** `chat.room-role-changed.v1`, to the members. */
export const announceRoleChanged = (deps: RoomAnnouncementDeps, roomId: number, userId: number, role: RoomRole, byUserId: number) =>
  announce<RoomRoleChangedV1>(deps, ROOM_ROLE_CHANGED_V1, async () => ({
    roomId,
    userId,
    role,
    byUserId,
    audience: await membersNow(deps, roomId),
  }));

/** After someone left or was removed: names the new owner, if ownership had to pass on. */
export const announceHandOver = async (deps: RoomAnnouncementDeps, roomId: number, heir: number | null, byUserId: number) => {
  if (heir !== null) await announceRoleChanged(deps, roomId, heir, 'owner', byUserId);
};
