import type { ChatMessage, RoomRole, RoomVisibility } from './chat.dto';

/**
 * Every published chat event names its `audience`: the userIds who may see it (the two
 * people of a private conversation, or a room's members, which the chat module's relay
 * reads when it publishes: the chat event log stores a room event without them). Gateways
 * push to exactly those users' sockets, so a user who left a room before a message was
 * published never receives it.
 */
export const MESSAGE_POSTED_V1 = 'chat.message-posted.v1';
export interface MessagePostedV1 {
  readonly message: ChatMessage;
  readonly audience: number[];
}

export const ROOM_MEMBER_JOINED_V1 = 'chat.room-member-joined.v1';
export const ROOM_MEMBER_LEFT_V1 = 'chat.room-member-left.v1';
export interface RoomMembershipChangedV1 {
  readonly roomId: number;
  readonly userId: number;
  /** Members after the change, plus the user who changed. */
  readonly audience: number[];
}

/** A user's read marker moved: to the reader's devices, and in a private chat to the other person ("seen"). */
export const READ_MARKER_MOVED_V1 = 'chat.read-marker-moved.v1';
export interface ReadMarkerMovedV1 {
  readonly kind: 'private' | 'room';
  /** The reader. */
  readonly userId: number;
  /** Private conversations: the other person. */
  readonly peerId?: number;
  readonly roomId?: number;
  /** The marker: the seq of the last message read. */
  readonly seq: number;
  readonly audience: number[];
}

/*
 * Issue 10: rooms people run. Each event names who did it (`byUserId`) and its `audience`
 * like the ones above; every one of them travels the same path (announce -> event bus ->
 * each gateway's fan-out).
 */

/** A member was added by someone else (or listed at creation). Audience: the members after it (the added one included). */
export const ROOM_MEMBER_ADDED_V1 = 'chat.room-member-added.v1';
export interface RoomMemberAddedV1 {
  readonly roomId: number;
  readonly userId: number;
  readonly role: RoomRole;
  readonly byUserId: number;
  readonly audience: number[];
}

/** A member was removed by an owner or admin. Audience: the members after it, plus the removed one. */
export const ROOM_MEMBER_REMOVED_V1 = 'chat.room-member-removed.v1';
export interface RoomMemberRemovedV1 {
  readonly roomId: number;
  readonly userId: number;
  readonly byUserId: number;
  readonly audience: number[];
}

/** A member's role changed (by the owner, or ownership passed on when the owner left). Audience: the members. */
export const ROOM_ROLE_CHANGED_V1 = 'chat.room-role-changed.v1';
export interface RoomRoleChangedV1 {
  readonly roomId: number;
  readonly userId: number;
  readonly role: RoomRole;
  readonly byUserId: number;
  readonly audience: number[];
}

/** The room was renamed or its visibility changed. Audience: the members. */
export const ROOM_UPDATED_V1 = 'chat.room-updated.v1';
export interface RoomUpdatedV1 {
  readonly roomId: number;
  readonly name: string;
  readonly visibility: RoomVisibility;
  readonly byUserId: number;
  readonly audience: number[];
}

/** The owner deleted the room and its history. Audience: the members it had. */
export const ROOM_DELETED_V1 = 'chat.room-deleted.v1';
export interface RoomDeletedV1 {
  readonly roomId: number;
  readonly byUserId: number;
  readonly audience: number[];
}

/** A message whose text its author changed: the message as it is now (with `editedAt`). */
export const MESSAGE_EDITED_V1 = 'chat.message-edited.v1';
export interface MessageEditedV1 {
  readonly message: ChatMessage;
  readonly audience: number[];
}

/** A message deleted by its author or a room moderator: its tombstone (`deleted: true`, text ''). */
export const MESSAGE_DELETED_V1 = 'chat.message-deleted.v1';
export interface MessageDeletedV1 {
  readonly message: ChatMessage;
  readonly audience: number[];
}
