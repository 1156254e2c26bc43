import {
  ROOM_DELETED_V1,
  ROOM_MEMBER_ADDED_V1,
  ROOM_MEMBER_REMOVED_V1,
  ROOM_ROLES,
  ROOM_ROLE_CHANGED_V1,
  ROOM_UPDATED_V1,
  ROOM_VISIBILITIES,
  type RoomDeletedV1,
  type RoomMemberAddedV1,
  type RoomMemberRemovedV1,
  type RoomRole,
  type RoomRoleChangedV1,
  type RoomUpdatedV1,
  type RoomVisibility,
} from '@chatterroom/chat/contracts';
import { isPositiveInt32, type IntegrationEvent } from '@chatterroom/kernel';
import type { RoomEventFrame } from './server-frames';

const isRole = (value: unknown): value is RoomRole => ROOM_ROLES.includes(value as RoomRole);
const isVisibility = (value: unknown): value is RoomVisibility => ROOM_VISIBILITIES.includes(value as RoomVisibility);
const ids = (...values: unknown[]): boolean => values.every(isPositiveInt32);

/**
 * The frames of the running-rooms events (issue 10): `room.member-added`,
 * `room.member-removed`, `room.role-changed`, `room.updated`, `room.deleted`; undefined for
 * other events and for malformed payloads.
 */
export const roomEventFrameOf = (event: IntegrationEvent): RoomEventFrame | undefined => {
  switch (event.type) {
    case ROOM_MEMBER_ADDED_V1: {
      const { roomId, userId, role, byUserId } = event.payload as RoomMemberAddedV1;
      return ids(roomId, userId, byUserId) && isRole(role) ? { type: 'room.member-added', roomId, userId, role, byUserId } : undefined;
    }
    case ROOM_MEMBER_REMOVED_V1: {
      const { roomId, userId, byUserId } = event.payload as RoomMemberRemovedV1;
      return ids(roomId, userId, byUserId) ? { type: 'room.member-removed', roomId, userId, byUserId } : undefined;
    }
    case ROOM_ROLE_CHANGED_V1: {
      const { roomId, userId, role, byUserId } = event.payload as RoomRoleChangedV1;
      return ids(roomId, userId, byUserId) && isRole(role) ? { type: 'room.role-changed', roomId, userId, role, byUserId } : undefined;
    }
    case ROOM_UPDATED_V1: {
      const { roomId, name, visibility, byUserId } = event.payload as RoomUpdatedV1;
      return ids(roomId, byUserId) && typeof name === 'string' && isVisibility(visibility)
        ? { type: 'room.updated', roomId, name, visibility, byUserId }
        : undefined;
    }
    case ROOM_DELETED_V1: {
      const { roomId, byUserId } = event.payload as RoomDeletedV1;
      return ids(roomId, byUserId) ? { type: 'room.deleted', roomId, byUserId } : undefined;
    }
    default:
      return undefined;
  }
};
