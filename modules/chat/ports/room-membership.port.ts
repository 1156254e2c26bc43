/**
 * Outbound port: who belongs to which room. Kept durably (Mongo) and, in the split
 * deployment, cached in Redis for fan-out; a cache that lost its data rebuilds
 * from the durable record, so no answer changes.
 */
export interface RoomMembership {
  /** Adds the member. Idempotent: returns true when added, false when already a member. */
  add(roomId: number, userId: number): Promise<boolean>;

  /** Removes the member. Idempotent: returns true when removed, false when not a member. */
  remove(roomId: number, userId: number): Promise<boolean>;

  /** True when the user is a member of the room. */
  isMember(roomId: number, userId: number): Promise<boolean>;

  /** Member userIds of the room, ascending; empty for an unknown or empty room. */
  members(roomId: number): Promise<number[]>;

  /** RoomIds the user belongs to, ascending; empty when none. */
  roomsOf(userId: number): Promise<number[]>;
}
