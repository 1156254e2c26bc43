import type { RoomDetails, RoomMembershipState, RoomSummary } from './chat.dto';

export interface CreateRoomInput {
  readonly roomName: string;
  /** The creator, who becomes the first member. */
  readonly userId: number;
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
   * Creates a room named 1-64 characters (trimmed) with its creator as member.
   * Not idempotent: two calls make two rooms.
   * @throws DomainError VALIDATION_FAILED
   */
  createRoom(input: CreateRoomInput): Promise<RoomSummary>;

  /**
   * Makes the user a member. Idempotent: joining twice is a success and announces nothing new.
   * @throws DomainError CHAT_ROOM_NOT_FOUND
   */
  joinRoom(input: RoomMemberInput): Promise<RoomMembershipState>;

  /**
   * Removes the user from the room. Idempotent: leaving a room one is not in is a success.
   * @throws DomainError CHAT_ROOM_NOT_FOUND
   */
  leaveRoom(input: RoomMemberInput): Promise<RoomMembershipState>;

  /** Rooms the user belongs to, by roomId ascending; empty when none. Read-only. */
  listRooms(input: ListRoomsInput): Promise<RoomSummary[]>;

  /**
   * A room with its members, for one of its members. Read-only.
   * @throws DomainError CHAT_ROOM_NOT_FOUND, CHAT_NOT_A_ROOM_MEMBER
   */
  getRoom(input: RoomMemberInput): Promise<RoomDetails>;
}
