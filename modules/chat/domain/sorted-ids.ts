/**
 * Ascending arrays of distinct integer ids (a room's members, a user's rooms) kept sorted as ids come and go,
 * so a reader takes a copy or a slice instead of sorting. Lookups are binary searches; an insertion or
 * removal moves the ids after it (a memmove, far cheaper than a sort).
 */

/** The index of the first id greater than `after` (`ids.length` when none). */
export const indexAfter = (ids: readonly number[], after: number): number => {
  let low = 0;
  let high = ids.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((ids[middle] as number) <= after) low = middle + 1;
    else high = middle;
  }
  return low;
};

/** The index of the first id not less than `id`: where `id` is, or would go. */
const indexOf = (ids: readonly number[], id: number): number => indexAfter(ids, id - 1);

/** True when the sorted `ids` hold `id`. */
export const hasSorted = (ids: readonly number[], id: number): boolean => ids[indexOf(ids, id)] === id;

/** Inserts `id` where it keeps `ids` ascending; false (nothing changed) when it is there already. */
export const insertSorted = (ids: number[], id: number): boolean => {
  const index = indexOf(ids, id);
  if (ids[index] === id) return false;
  ids.splice(index, 0, id);
  return true;
};

/** Removes `id`; false (nothing changed) when it is not there. */
export const removeSorted = (ids: number[], id: number): boolean => {
  const index = indexOf(ids, id);
  if (ids[index] !== id) return false;
  ids.splice(index, 1);
  return true;
};
