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
