import type { RoomDetails, RoomMembershipState, RoomSummary, RoomVisibility } from './chat.dto';

export interface CreateRoomInput {
  readonly roomName: string;
  /** The creator, who becomes the first member and the owner. */
  readonly userId: number;
  /** Addition: omitted = `public`. */
  readonly visibility?: RoomVisibility;
  /** Addition: userIds added at once as members (at most 100; the creator and repeats are ignored). */
  readonly members?: readonly number[];
}

export interface RoomMemberInput {
  readonly userId: number;
  readonly roomId: number;
}

export interface ListRoomsInput {
  readonly userId: number;
}

/**
 * Inbound port: rooms and their members (gRPC CreateRoom, JoinRoom, LeaveRoom,
 * ListRooms, GetRoom). Membership changes are durable before they resolve and are
 * announced with `chat.room-member-joined.v1` / `chat.room-member-left.v1`.
 */
export interface RoomRegistry {
  /**
   * Creates a room named 1-64 characters (trimmed) with its creator as owner and the listed
   * `members` as members, all at once: when one of them does not exist nothing is created.
   * Not idempotent: two calls make two rooms.
   * @throws DomainError VALIDATION_FAILED, CHAT_USER_NOT_FOUND
   */
  createRoom(input: CreateRoomInput): Promise<RoomSummary>;

  /**
   * Makes the user a member of a public room (the first member of an empty one becomes its
   * owner). Idempotent: joining twice is a success and announces nothing new. A private room
   * is entered only by being added: to a non-member it does not exist.
   * @throws DomainError CHAT_ROOM_NOT_FOUND
   */
  joinRoom(input: RoomMemberInput): Promise<RoomMembershipState>;

  /**
   * Removes the user from the room. Idempotent: leaving a public room one is not in is a
   * success (a private one does not exist for a non-member). When the owner leaves, ownership
   * passes to the longest-standing admin, else the longest-standing member; the last member
   * leaving leaves the room empty (kept, with its history).
   * @throws DomainError CHAT_ROOM_NOT_FOUND
   */
  leaveRoom(input: RoomMemberInput): Promise<RoomMembershipState>;

  /** Rooms the user belongs to, by roomId ascending; empty when none. Read-only. */
  listRooms(input: ListRoomsInput): Promise<RoomSummary[]>;

  /**
   * A room with its members, visibility, member count and the caller's role, for one of its
   * members. Read-only. Non-members get CHAT_NOT_A_ROOM_MEMBER for a public room and
   * CHAT_ROOM_NOT_FOUND for a private one.
   * @throws DomainError CHAT_ROOM_NOT_FOUND, CHAT_NOT_A_ROOM_MEMBER
   */
  getRoom(input: RoomMemberInput): Promise<RoomDetails>;
}
