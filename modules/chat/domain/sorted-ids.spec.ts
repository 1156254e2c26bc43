import { hasSorted, indexAfter, insertSorted, removeSorted } from './sorted-ids';

describe('sorted ids', () => {
  it('keeps ids ascending and distinct whatever order they are inserted in', () => {
    const ids: number[] = [];
    const inserted = [50, 10, 30, 10, 70, 20, 50].map((id) => insertSorted(ids, id));
    expect(ids).toEqual([10, 20, 30, 50, 70]);
    expect(inserted).toEqual([true, true, true, false, true, true, false]);
  });

  it('removes an id once, and nothing for an id it does not hold', () => {
    const ids = [10, 20, 30];
    expect([removeSorted(ids, 20), removeSorted(ids, 20), removeSorted(ids, 25), removeSorted(ids, 99)]).toEqual([true, false, false, false]);
    expect(ids).toEqual([10, 30]);
    expect(removeSorted(ids, 10) && removeSorted(ids, 30)).toBe(true);
    expect(ids).toEqual([]);
  });

  it('finds the first id after a bound, held or not', () => {
    const ids = [10, 20, 30];
    expect([0, 9, 10, 15, 20, 30, 99].map((after) => indexAfter(ids, after))).toEqual([0, 0, 1, 1, 2, 3, 3]);
    expect(indexAfter([], 5)).toBe(0);
  });

  it('tells whether it holds an id', () => {
    const ids = [10, 20, 30];
    expect([5, 10, 20, 25, 30, 35].map((id) => hasSorted(ids, id))).toEqual([false, true, true, false, true, false]);
    expect(hasSorted([], 1)).toBe(false);
  });

  it('matches a sort of random ids, with removals between', () => {
    const ids: number[] = [];
    const expected = new Set<number>();
    let seed = 7;
    const next = (): number => (seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648) % 500;
    for (let step = 0; step < 2_000; step += 1) {
      const id = next();
      if (step % 3 === 0) expect(removeSorted(ids, id)).toBe(expected.delete(id));
      else expect(insertSorted(ids, id)).toBe(!expected.has(id) && expected.add(id).has(id));
    }
    expect(ids).toEqual([...expected].sort((a, b) => a - b));
  });
});
