import type { LoggedChatEvent } from '../ports';
import { batchAudiences, RecentMemberships } from './batch-audiences';

let position = 0;
const event = (overrides: Partial<LoggedChatEvent>): LoggedChatEvent => ({
  id: `e-${(position += 1)}`,
  type: 'chat.test.v1',
  occurredAt: '2026-01-01T00:00:00.000Z',
  payload: {},
  audience: [],
  position,
  ...overrides,
});

describe('batchAudiences', () => {
  it('reads each room once and gives its events the members, plus the users they name', async () => {
    const reads: number[] = [];
    const members = async (roomId: number) => {
      reads.push(roomId);
      return roomId === 1 ? [2, 5] : [9];
    };
    const batch = [event({ roomId: 1 }), event({ audience: [3, 4] }), event({ roomId: 2 }), event({ roomId: 1, audience: [7], membership: 'joins' }), event({ roomId: 1 })];
    expect(await batchAudiences(batch, members)).toEqual([[2, 5], [3, 4], [9], [2, 5, 7], [2, 5]]);
    expect(reads.sort()).toEqual([1, 2]);
  });

  it('gives the events before a leave in the batch to whoever left, not those after it', async () => {
    const batch = [event({ roomId: 1 }), event({ roomId: 1, audience: [4], membership: 'leaves' }), event({ roomId: 1 }), event({ roomId: 1, audience: [2, 3], membership: 'leaves' })];
    expect(await batchAudiences(batch, async () => [])).toEqual([[2, 3, 4], [2, 3, 4], [2, 3], [2, 3]]);
  });

  it('keeps a user who left out of the events sent while away when their rejoin is stored before its event is logged', async () => {
    const recent = new RecentMemberships();
    expect(await batchAudiences([event({ roomId: 1, audience: [4], membership: 'leaves' })], async () => [2], recent)).toEqual([[2, 4]]);
    expect(await batchAudiences([event({ roomId: 1 })], async () => [2, 4], recent)).toEqual([[2]]);
    const rejoined = [event({ roomId: 1, audience: [4], membership: 'joins' }), event({ roomId: 1 })];
    expect(await batchAudiences(rejoined, async () => [2, 4], recent)).toEqual([[2, 4], [2, 4]]);
    expect(recent.leaversOf(1)).toBeUndefined();
  });
});
