import { RecentIds } from './recent-ids';

describe('RecentIds', () => {
  it('says an id is new once', () => {
    const ids = new RecentIds();
    expect(ids.addIfNew('a')).toBe(true);
    expect(ids.addIfNew('a')).toBe(false);
    expect(ids.addIfNew('b')).toBe(true);
  });

  it('forgets the oldest ids past its capacity', () => {
    const ids = new RecentIds(2);
    ids.addIfNew('a');
    ids.addIfNew('b');
    ids.addIfNew('c');
    expect(ids.addIfNew('b')).toBe(false);
    expect(ids.addIfNew('a')).toBe(true);
  });
});
