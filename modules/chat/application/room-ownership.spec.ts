import { InMemoryRoomMembership } from '../adapters/in-memory/in-memory.room-membership';
import { ensureOwner } from './room-ownership';

const ROOM = 3;

describe('ensureOwner', () => {
  it('reads nothing more when the likely owner owns the room', async () => {
    const membership = new InMemoryRoomMembership();
    await membership.add(ROOM, 1, 'owner');
    await membership.add(ROOM, 2);
    const longestStanding = jest.spyOn(membership, 'longestStanding');
    expect(await ensureOwner(membership, ROOM, 1)).toBeNull();
    expect(longestStanding).not.toHaveBeenCalled();
  });

  it('looks for the owner when the likely one is not it, and finds the room owned', async () => {
    const membership = new InMemoryRoomMembership();
    await membership.add(ROOM, 1, 'owner');
    await membership.add(ROOM, 2);
    expect(await ensureOwner(membership, ROOM, 2)).toBeNull();
    expect(await membership.roleOf(ROOM, 2)).toBe('member');
  });

  it('passes an ownerless room to the longest-standing admin, else member, whatever the likely owner', async () => {
    const membership = new InMemoryRoomMembership();
    await membership.add(ROOM, 5, 'member', '2026-01-01T00:00:00.000Z');
    await membership.add(ROOM, 6, 'admin', '2026-02-01T00:00:00.000Z');
    expect(await ensureOwner(membership, ROOM, 9)).toBe(6);
    await membership.remove(ROOM, 6);
    expect(await ensureOwner(membership, ROOM)).toBe(5);
    expect(await ensureOwner(membership, 99, 5)).toBeNull();
  });
});
