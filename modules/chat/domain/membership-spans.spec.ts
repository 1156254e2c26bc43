import { MembershipSpans } from './membership-spans';

const ROOM = 7;
const OTHER = 8;

describe('MembershipSpans', () => {
  it('counts a user in a room before a leave and after a join, whatever order the events come in', () => {
    const spans = new MembershipSpans(
      [
        { position: 40, roomId: ROOM, membership: 'joins' },
        { position: 20, roomId: ROOM, membership: 'leaves' },
        { position: 30, roomId: ROOM, membership: null },
      ],
      [ROOM],
    );
    expect([10, 19, 21, 39, 41, 99].map((position) => spans.includes(ROOM, position))).toEqual([true, true, false, false, true, true]);
  });

  it('answers from the rooms of now where no event names the user after the position', () => {
    const spans = new MembershipSpans([{ position: 5, roomId: ROOM, membership: 'leaves' }], [OTHER]);
    expect([spans.includes(OTHER, 1), spans.includes(OTHER, 100), spans.includes(ROOM, 6), spans.includes(9, 1)]).toEqual([true, true, false, false]);
    expect(spans.rooms()).toEqual([ROOM, OTHER]);
  });

  it('does not count a user in a room after their last leave, even when the rooms of now (read earlier) still list it', () => {
    const spans = new MembershipSpans(
      [
        { position: 10, roomId: ROOM, membership: 'joins' },
        { position: 20, roomId: ROOM, membership: 'leaves' },
      ],
      [ROOM],
    );
    expect([15, 19, 21, 30].map((position) => spans.includes(ROOM, position))).toEqual([true, true, false, false]);
  });

  it('lets a user see what names them, and a room event only while a member', () => {
    const spans = new MembershipSpans([{ position: 10, roomId: ROOM, membership: 'joins' }], []);
    expect(spans.sees(3, { audience: [3], position: 5 })).toBe(true);
    expect(spans.sees(3, { audience: [], roomId: ROOM, position: 9 })).toBe(false);
    expect(spans.sees(3, { audience: [], roomId: OTHER, position: 11 })).toBe(false);
    expect(spans.sees(3, { audience: [4], position: 11 })).toBe(false);
  });
});
