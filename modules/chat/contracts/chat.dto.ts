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
  /** Addition (issue 10). */
  readonly visibility: RoomVisibility;
  /** Addition: how many members the room has. */
  readonly memberCount: number;
  /** Addition: the caller's role in the room. */
  readonly role: RoomRole;
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
  /** A messageId of the same conversation: the oldest `limit` messages after it (paging forwards); not with `before`. */
  readonly after?: string;
  /** 1-200; omitted = 50. */
  readonly limit?: number;
}

export const HISTORY_DEFAULT_LIMIT = 50;
export const HISTORY_MAX_LIMIT = 200;
export const MESSAGE_MAX_LENGTH = 4000;
export const CLIENT_MESSAGE_ID_MAX_LENGTH = 64;

/** `public` rooms can be found and joined by anyone; `private` ones only entered by being added. */
export type RoomVisibility = 'public' | 'private';
export const ROOM_VISIBILITIES: readonly RoomVisibility[] = ['public', 'private'];

/** The creator is `owner` (one per room); the owner names `admin`s; everyone else is a `member`. */
export type RoomRole = 'owner' | 'admin' | 'member';
export const ROOM_ROLES: readonly RoomRole[] = ['owner', 'admin', 'member'];

/** At most this many `members` in one create. */
export const ROOM_CREATE_MAX_MEMBERS = 100;
export const ROOM_MEMBERS_DEFAULT_LIMIT = 50;
export const ROOM_MEMBERS_MAX_LIMIT = 500;
export const PUBLIC_ROOMS_DEFAULT_LIMIT = 20;
export const PUBLIC_ROOMS_MAX_LIMIT = 100;

/** A room as its members (and, for public ones, anyone) see it. */
export interface RoomInfo extends RoomSummary {
  readonly visibility: RoomVisibility;
}

/** One member of a room. `joinedAt` is ISO-8601 UTC. */
export interface RoomMember {
  readonly roomId: number;
  readonly userId: number;
  readonly role: RoomRole;
  readonly joinedAt: string;
  /** In a page of members: the seq of the last message this member has read in the room (0: none). */
  readonly readSeq?: number;
}

/** One page of a room's members, by userId ascending; `nextAfter` is the cursor of the next page, absent on the last. */
export interface RoomMemberPage {
  readonly members: RoomMember[];
  readonly nextAfter?: number;
}

/** A public room in the directory. */
export interface PublicRoom extends RoomInfo {
  readonly memberCount: number;
}

/** One page of the public-room directory, by roomId ascending; `nextAfter` absent on the last. */
export interface PublicRoomPage {
  readonly rooms: PublicRoom[];
  readonly nextAfter?: number;
}
