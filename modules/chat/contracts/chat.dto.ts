/** A stored chat message, as every transport returns it. `timestamp` is ISO-8601 UTC. */
export interface ChatMessage {
  readonly messageId: string;
  readonly kind: 'private' | 'room';
  readonly senderId: number;
  /** Set on private messages. */
  readonly recipientId?: number;
  /** Set on room messages. */
  readonly roomId?: number;
  readonly message: string;
  readonly timestamp: string;
  /** 1, 2, 3... within its conversation (a room, or a pair of users). */
  readonly seq: number;
  /** The sender's idempotency key, when the send carried one. */
  readonly clientMessageId?: string;
  /** When its author last changed the text (ISO-8601 UTC); absent on a message never edited. */
  readonly editedAt?: string;
  /** True on a deleted message: a tombstone keeping its place (`seq`), its text gone (''). */
  readonly deleted?: boolean;
}

export interface RoomSummary {
  readonly roomId: number;
  readonly name: string;
}

export interface RoomDetails extends RoomSummary {
  /** Member userIds, ascending. */
  readonly members: number[];
}

/** Membership after a join or leave. */
export interface RoomMembershipState {
  readonly roomId: number;
  readonly userId: number;
  readonly joined: boolean;
}

/** Paging of a history: the newest `limit` messages older than `before`, returned oldest first. */
export interface HistoryPaging {
  /** A messageId of the same conversation; omitted = from the newest message. */
  readonly before?: string;
  /** 1-200; omitted = 50. */
  readonly limit?: number;
}

export const HISTORY_DEFAULT_LIMIT = 50;
export const HISTORY_MAX_LIMIT = 200;
export const MESSAGE_MAX_LENGTH = 4000;
export const CLIENT_MESSAGE_ID_MAX_LENGTH = 64;
