import type { RoomMembership } from '../ports';

/** Heirs tried before giving up: each failed try means the chosen heir left meanwhile. */
const MAX_HEIRS_TRIED = 100;

/**
 * A room never has members without an owner. When it has none (its owner left, or was
 * removed), ownership passes to the longest-standing admin, else the longest-standing
 * member; an empty room stays empty, and whoever joins it first becomes its owner.
 * Safe with several replicas at once: the claim is conditional (one owner per room, enforced by
 * the store), and an heir who left before the claim is passed over for the next one. Every
 * change that can leave a room ownerless (a removal, a hand-over, a join or add) calls this
 * after its own write, so the last caller finds the room as it ends.
 * `likelyOwner` (the acting user, or the room's creator) is checked first, by one look-up of their
 * role: when they own the room, it has its owner and nothing else is read, so the common add or
 * join costs one keyed read whatever the room's size, not the longest-standing queries (which a
 * database may answer by reading the room's members). The check is made after the caller's write,
 * like the full one, so it is as safe: an owner who leaves afterwards runs this again on leaving.
 * Returns the new owner, or null when the room has an owner already or no member at all.
 */
export const ensureOwner = async (membership: RoomMembership, roomId: number, likelyOwner?: number): Promise<number | null> => {
  if (likelyOwner !== undefined && (await membership.roleOf(roomId, likelyOwner)) === 'owner') return null;
  for (let tried = 0; tried < MAX_HEIRS_TRIED; tried += 1) {
    if ((await membership.longestStanding(roomId, 'owner')) !== null) return null;
    const heir = (await membership.longestStanding(roomId, 'admin')) ?? (await membership.longestStanding(roomId, 'member'));
    if (heir === null) return null;
    const claim = await membership.claimOwnership(roomId, heir);
    if (claim === 'claimed') return heir;
    if (claim !== 'not-member') return null;
  }
  return null;
};
