import type { RoomRole } from '../contracts';

/** One membership as stored: the member's role and when they joined (ISO-8601 UTC). */
export interface StoredRoomMember {
  readonly userId: number;
  readonly role: RoomRole;
  readonly joinedAt: string;
}

/**
 * What {@link RoomMembership.claimOwnership} did: `claimed` (this call made the member owner),
 * `already-owner`, `taken` (another member owns the room; nothing changed) or `not-member`
 * (the user is not in the room; nothing changed).
 */
export type OwnershipClaim = 'claimed' | 'already-owner' | 'taken' | 'not-member';

/** One page of a room's members: userIds above `after`, ascending. */
export interface RoomMemberPageQuery {
  /** A userId; only members with a greater userId. Omitted = from the first. */
  readonly after?: number;
  /** 1-500. */
  readonly limit: number;
}

/**
 * Outbound port: who belongs to which room, with their role. Kept durably (SQLite, Mongo)
 * and, in the split deployment, its member sets cached in Redis for fan-out; a cache that
 * lost its data rebuilds from the durable record, so no answer changes. Roles are always
 * answered by the durable record.
 */
export interface RoomMembership {
  /**
   * Adds the member with `role` (default `member`) joined at `joinedAt` (default now).
   * Idempotent: returns true when added, false when already a member (role unchanged). A room has
   * one owner: adding an `owner` to a room that has one is refused the same way (false, nobody added).
   */
  add(roomId: number, userId: number, role?: RoomRole, joinedAt?: string): Promise<boolean>;

  /**
   * Adds several members at once, all or none: a failure adds nobody. Members already in the
   * room are left as they are, and an `owner` beyond the room's one is left out (not added).
   * Returns the userIds really added, ascending.
   */
  addMany(roomId: number, members: readonly StoredRoomMember[]): Promise<number[]>;

  /** Removes the member. Idempotent: returns true when removed, false when not a member. */
  remove(roomId: number, userId: number): Promise<boolean>;

  /** Removes every member of the room (the room is being deleted). Idempotent. */
  removeAll(roomId: number): Promise<void>;

  /** True when the user is a member of the room. */
  isMember(roomId: number, userId: number): Promise<boolean>;

  /**
   * Member userIds of the room, ascending (callers rely on the order: they merge and page it
   * without sorting again), each once; empty for an unknown or empty room. A fresh array.
   */
  members(roomId: number): Promise<number[]>;

  /** RoomIds the user belongs to, ascending; empty when none. */
  roomsOf(userId: number): Promise<number[]>;

  /** The member's role, or null when the user is not a member. */
  roleOf(roomId: number, userId: number): Promise<RoomRole | null>;

  /**
   * Sets a member's role to admin or member. Never touches the owner (ownership moves only by
   * {@link claimOwnership} and {@link releaseOwnership}): returns false, changing nothing, when the
   * user is not a member or is the owner.
   */
  setRole(roomId: number, userId: number, role: Exclude<RoomRole, 'owner'>): Promise<boolean>;

  /**
   * Makes the member the room's owner unless another member owns it, in one conditional write
   * (the store allows one owner per room), so concurrent claims from several replicas leave
   * exactly one owner. Idempotent: `already-owner` the second time. Never throws for a taken room.
   */
  claimOwnership(roomId: number, userId: number): Promise<OwnershipClaim>;

  /**
   * Turns the owner into an admin, in one conditional write that matches only while they are
   * the owner. Returns true when this call demoted them; false (nothing changed) when they are
   * not the owner or not a member.
   */
  releaseOwnership(roomId: number, userId: number): Promise<boolean>;

  /** How many members the room has; 0 for an unknown room. Counted on an index, never a scan of rows. */
  count(roomId: number): Promise<number>;

  /** One page of members by userId ascending (keyset: reads only the page from the index). */
  page(roomId: number, query: RoomMemberPageQuery): Promise<StoredRoomMember[]>;

  /** The member holding `role` who joined first (ties: lowest userId), or null when none has it. */
  longestStanding(roomId: number, role: RoomRole): Promise<number | null>;
}
