import type { ChatMessage, RoomVisibility } from './chat.dto';

/** The room of a room conversation, as the conversation list shows it. */
export interface ConversationRoom {
  readonly roomId: number;
  readonly name: string;
  readonly visibility: RoomVisibility;
}

/**
 * One conversation of a user's list: a private chat (with `peerId`) or a room (with `room`).
 * `unreadCount` is `lastSeq - readSeq`: the messages after the user's read marker (a
 * message the user sent moves their marker to it).
 */
export interface ConversationEntry {
  readonly kind: 'private' | 'room';
  /** Private conversations: the other person (the user themself for notes to self). */
  readonly peerId?: number;
  /** Rooms. */
  readonly room?: ConversationRoom;
  /** The newest message, or null for a room nobody wrote in yet. */
  readonly lastMessage: ChatMessage | null;
  /** The newest message's seq; 0 when none. */
  readonly lastSeq: number;
  /** The seq of the last message the user has read here; 0 when none. */
  readonly readSeq: number;
  readonly unreadCount: number;
  /** The newest message's timestamp, or the room's creation for a room without messages. */
  readonly updatedAt: string;
  /** Private conversations: the seq of the last message the peer has read here ("seen"); absent when none (and for rooms). */
  readonly peerReadSeq?: number;
}

/** One page of the conversation list, most recent activity first. */
export interface ConversationPage {
  readonly conversations: ConversationEntry[];
  /** Pass as `before` for the next page; absent on the last page. */
  readonly nextCursor?: string;
}

/** A user's read marker in one conversation after a markRead. */
export interface ReadMarkerState {
  readonly kind: 'private' | 'room';
  /** Whose marker it is. */
  readonly userId: number;
  readonly peerId?: number;
  readonly roomId?: number;
  readonly readSeq: number;
  readonly lastSeq: number;
  readonly unreadCount: number;
}

export const CONVERSATIONS_DEFAULT_LIMIT = 20;
export const CONVERSATIONS_MAX_LIMIT = 100;
