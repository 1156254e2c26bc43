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

describe('RecentIds over many rounds of its ring', () => {
  it('remembers exactly the last `capacity` ids', () => {
    const ids = new RecentIds(3);
    for (let n = 0; n < 10; n += 1) expect(ids.addIfNew(`id-${n}`)).toBe(true);
    expect(ids.addIfNew('id-9')).toBe(false);
    expect(ids.addIfNew('id-8')).toBe(false);
    expect(ids.addIfNew('id-7')).toBe(false);
    expect(ids.addIfNew('id-6')).toBe(true);
  });

  it('does not let a repeat push an id out', () => {
    const ids = new RecentIds(2);
    ids.addIfNew('a');
    ids.addIfNew('b');
    expect(ids.addIfNew('a')).toBe(false);
    expect(ids.addIfNew('a')).toBe(false);
    expect(ids.addIfNew('b')).toBe(false);
  });
});
