import { hasSorted, insertSorted } from './sorted-ids';

/** The userIds an event is for: each once, ascending. */
export const audienceOf = (...groups: ReadonlyArray<number | readonly number[]>): number[] =>
  [...new Set(groups.flat())].sort((a, b) => a - b);

/** An event's recorded audience: the positive int32 userIds it names, each once, ascending. */
export const eventAudience = (audience: unknown): number[] =>
  Array.isArray(audience) ? audienceOf(audience.filter((userId): userId is number => Number.isInteger(userId) && userId > 0 && userId <= 2_147_483_647)) : [];

/**
 * A room event's audience: the room's `members` (ascending, distinct) and the users the event
 * `named`, ascending. `members` itself when it holds them all (the common case: no copy, no sort);
 * else a copy with the others inserted in place.
 */
export const audienceWith = (members: number[], named: readonly number[]): number[] => {
  const missing = named.filter((userId) => !hasSorted(members, userId));
  if (missing.length === 0) return members;
  const merged = [...members];
  for (const userId of missing) insertSorted(merged, userId);
  return merged;
};
