import type { RoomMembership } from '../ports';

/**
 * A room never has members without an owner. When it has none (its owner left, or was
 * removed), ownership passes to the longest-standing admin, else the longest-standing
 * member; an empty room stays empty, and whoever joins it first becomes its owner.
 * Returns the new owner, or null when the room has an owner already or no member at all.
 */
export const ensureOwner = async (membership: RoomMembership, roomId: number): Promise<number | null> => {
  if ((await membership.longestStanding(roomId, 'owner')) !== null) return null;
  const heir = (await membership.longestStanding(roomId, 'admin')) ?? (await membership.longestStanding(roomId, 'member'));
  if (heir === null) return null;
  return (await membership.setRole(roomId, heir, 'owner')) ? heir : null;
};
