import type { ChatMessage } from './chat.dto';

/**
 * Every chat event names its `audience`: the userIds who may see it, computed by the
 * chat module when it happened (room members at that moment, or the two people of a
 * private conversation). Gateways push to exactly those users' sockets, so a user who
 * left a room before a message was sent never receives it.
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
