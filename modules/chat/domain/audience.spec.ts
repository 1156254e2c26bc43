import { audienceOf, audienceWith } from './audience';

describe('audienceWith', () => {
  it('answers the members themselves when they hold every named user', () => {
    const members = [2, 5, 9];
    expect(audienceWith(members, [])).toBe(members);
    expect(audienceWith(members, [5, 9])).toBe(members);
  });

  it('inserts the named users the members lack, ascending and once, leaving the members as they were', () => {
    const members = [2, 5, 9];
    expect(audienceWith(members, [7, 1, 7, 5, 12])).toEqual([1, 2, 5, 7, 9, 12]);
    expect(members).toEqual([2, 5, 9]);
  });

  it('agrees with audienceOf', () => {
    expect(audienceWith([3, 4, 8], [8, 6, 1])).toEqual(audienceOf([3, 4, 8], [8, 6, 1]));
  });
});
