import type { PublicRoomPage, RoomInfo, RoomMember, RoomMemberPage, RoomRole, RoomVisibility } from './chat.dto';

/** An operation on one member, done by `userId` (the acting user). */
export interface RoomMemberChangeInput {
  readonly userId: number;
  readonly roomId: number;
  readonly memberId: number;
}

export interface SetRoomRoleInput extends RoomMemberChangeInput {
  readonly role: RoomRole;
}

export interface UpdateRoomInput {
  readonly userId: number;
  readonly roomId: number;
  /** 1-64 characters once trimmed. */
  readonly name?: string;
  readonly visibility?: RoomVisibility;
}

export interface RoomActionInput {
  readonly userId: number;
  readonly roomId: number;
}

export interface ListRoomMembersInput extends RoomActionInput {
  /** A userId: only members with a greater one. */
  readonly after?: number;
  /** 1-500; omitted = 50. */
  readonly limit?: number;
}

export interface ListPublicRoomsInput {
  readonly userId: number;
  /** Matched anywhere in the name, case-insensitively; omitted or blank = every public room. At most 64 characters. */
  readonly query?: string;
  /** A roomId: only rooms with a greater one. */
  readonly after?: number;
  /** 1-100; omitted = 20. */
  readonly limit?: number;
}

export interface RoomMemberRemoval {
  readonly roomId: number;
  readonly userId: number;
  readonly removed: boolean;
}

export interface RoomDeletion {
  readonly roomId: number;
  readonly deleted: boolean;
}

/**
 * Inbound port: running a room (gRPC AddRoomMember, RemoveRoomMember, SetRoomRole,
 * UpdateRoom, DeleteRoom, ListRoomMembers, ListPublicRooms). Every change is durable before
 * it resolves and is announced (`chat.room-member-added.v1`, `-removed`, `chat.room-role-changed.v1`,
 * `chat.room-updated.v1`, `chat.room-deleted.v1`). Roles: the owner does everything; admins
 * add and remove members, rename and change visibility; in a public room any member may add.
 * A private room does not exist for a non-member (CHAT_ROOM_NOT_FOUND on every operation);
 * a public one answers a non-member CHAT_NOT_A_ROOM_MEMBER.
 */
export interface RoomAdministration {
  /**
   * Adds `memberId` as a member. Not idempotent: a second add is CHAT_ALREADY_MEMBER.
   * @throws DomainError VALIDATION_FAILED, CHAT_ROOM_NOT_FOUND, CHAT_NOT_A_ROOM_MEMBER, CHAT_FORBIDDEN_ROLE,
   *   CHAT_USER_NOT_FOUND, CHAT_ALREADY_MEMBER
   */
  addMember(input: RoomMemberChangeInput): Promise<RoomMember>;

  /**
   * Removes `memberId`: the owner removes anyone, an admin removes members; removing oneself
   * is leaving (owner included, with the leave's ownership rule). The removed member gets the
   * room's messages no more, at once.
   * @throws DomainError VALIDATION_FAILED, CHAT_ROOM_NOT_FOUND, CHAT_NOT_A_ROOM_MEMBER, CHAT_FORBIDDEN_ROLE, CHAT_NOT_MEMBER
   */
  removeMember(input: RoomMemberChangeInput): Promise<RoomMemberRemoval>;

  /**
   * The owner makes a member `admin` or `member`, or hands ownership over with `owner` (the
   * previous owner becomes an admin). Setting the role a member has is a success that announces nothing.
   * A hand-over whose heir left meanwhile gives the room to the usual successor and throws
   * CHAT_NOT_MEMBER; one that lost a race to another hand-over throws CHAT_OWNERSHIP_MOVED.
   * @throws DomainError VALIDATION_FAILED, CHAT_ROOM_NOT_FOUND, CHAT_NOT_A_ROOM_MEMBER, CHAT_FORBIDDEN_ROLE, CHAT_NOT_MEMBER, CHAT_OWNERSHIP_MOVED
   */
  setRole(input: SetRoomRoleInput): Promise<RoomMember>;

  /**
   * Renames the room and/or changes its visibility (owner or admin); at least one of the two.
   * @throws DomainError VALIDATION_FAILED, CHAT_ROOM_NOT_FOUND, CHAT_NOT_A_ROOM_MEMBER, CHAT_FORBIDDEN_ROLE
   */
  updateRoom(input: UpdateRoomInput): Promise<RoomInfo>;

  /**
   * Deletes the room, its members and its history (owner only); every member is told.
   * @throws DomainError VALIDATION_FAILED, CHAT_ROOM_NOT_FOUND, CHAT_NOT_A_ROOM_MEMBER, CHAT_FORBIDDEN_ROLE
   */
  deleteRoom(input: RoomActionInput): Promise<RoomDeletion>;

  /**
   * One page of members by userId ascending, for a member. Read-only; each page reads only its rows.
   * @throws DomainError VALIDATION_FAILED, CHAT_ROOM_NOT_FOUND, CHAT_NOT_A_ROOM_MEMBER
   */
  listMembers(input: ListRoomMembersInput): Promise<RoomMemberPage>;

  /**
   * One page of the public-room directory, by roomId ascending, with member counts. Read-only.
   * @throws DomainError VALIDATION_FAILED
   */
  listPublicRooms(input: ListPublicRoomsInput): Promise<PublicRoomPage>;
}
