import type { RoomMembership } from '@chatterroom/chat/ports';

export interface RoomMembershipSubject {
  readonly membership: RoomMembership;
  close(): Promise<void>;
}

/** Random ids far above what the tests' stores hand out, so tests on a shared database never meet. */
const freshId = (): number => 1_000_000_000 + Math.floor(Math.random() * 1_000_000_000);
const ascending = (ids: readonly number[]): number[] => [...ids].sort((a, b) => a - b);

/**
 * The {@link RoomMembership} contract, run against every adapter. Each test works on
 * random room and user ids, so existing data does not matter.
 */
export const describeRoomMembershipContract = (name: string, makeSubject: () => Promise<RoomMembershipSubject>): void => {
  describe(`RoomMembership contract: ${name}`, () => {
    let subject: RoomMembershipSubject;
    const membership = (): RoomMembership => subject.membership;

    beforeAll(async () => {
      subject = await makeSubject();
    });
    afterAll(async () => {
      await subject.close();
    });

    it('adds a member once: true the first time, false after', async () => {
      const [roomId, userId] = [freshId(), freshId()];
      expect(await membership().add(roomId, userId)).toBe(true);
      expect(await membership().add(roomId, userId)).toBe(false);
      expect(await membership().isMember(roomId, userId)).toBe(true);
      expect(await membership().members(roomId)).toEqual([userId]);
    });

    it('removes a member once: true the first time, false after', async () => {
      const [roomId, userId] = [freshId(), freshId()];
      await membership().add(roomId, userId);
      expect(await membership().remove(roomId, userId)).toBe(true);
      expect(await membership().remove(roomId, userId)).toBe(false);
      expect(await membership().isMember(roomId, userId)).toBe(false);
      expect(await membership().members(roomId)).toEqual([]);
      expect(await membership().roomsOf(userId)).toEqual([]);
    });

    it('removing someone who never joined is false and changes nothing', async () => {
      const [roomId, member, stranger] = [freshId(), freshId(), freshId()];
      await membership().add(roomId, member);
      expect(await membership().remove(roomId, stranger)).toBe(false);
      expect(await membership().members(roomId)).toEqual([member]);
    });

    it('lists members ascending, whatever the join order', async () => {
      const roomId = freshId();
      const users = [freshId(), freshId(), freshId(), freshId()];
      for (const userId of users) await membership().add(roomId, userId);
      expect(await membership().members(roomId)).toEqual(ascending(users));
    });

    it('lists members ascending after adds and removes in any order, and counts them', async () => {
      const roomId = freshId();
      const users = Array.from({ length: 9 }, freshId);
      for (const userId of [...users].reverse()) await membership().add(roomId, userId);
      for (const userId of [users[4]!, users[0]!, users[8]!]) await membership().remove(roomId, userId);
      await membership().add(roomId, users[4]!);
      const kept = ascending(users.filter((userId) => userId !== users[0] && userId !== users[8]));
      expect(await membership().members(roomId)).toEqual(kept);
      expect(await membership().count(roomId)).toBe(kept.length);
    });

    it('lists the rooms of a user ascending, and forgets a room the user left', async () => {
      const userId = freshId();
      const [roomA, roomB, roomC] = [freshId(), freshId(), freshId()];
      for (const roomId of [roomB, roomC, roomA]) await membership().add(roomId, userId);
      expect(await membership().roomsOf(userId)).toEqual(ascending([roomA, roomB, roomC]));
      await membership().remove(roomB, userId);
      expect(await membership().roomsOf(userId)).toEqual(ascending([roomA, roomC]));
    });

    it('keeps rooms apart: a member of one room is not a member of another', async () => {
      const [roomA, roomB, userId] = [freshId(), freshId(), freshId()];
      await membership().add(roomA, userId);
      expect(await membership().isMember(roomB, userId)).toBe(false);
      expect(await membership().members(roomB)).toEqual([]);
    });

    it('answers empty for an unknown room or a user in no room', async () => {
      expect(await membership().members(freshId())).toEqual([]);
      expect(await membership().roomsOf(freshId())).toEqual([]);
      expect(await membership().isMember(freshId(), freshId())).toBe(false);
    });

    it('counts concurrent adds of one member once', async () => {
      const [roomId, userId] = [freshId(), freshId()];
      const results = await Promise.all(Array.from({ length: 5 }, () => membership().add(roomId, userId)));
      expect(results.filter(Boolean)).toHaveLength(1);
      expect(await membership().members(roomId)).toEqual([userId]);
    });

    it('returns copies: changing a returned list changes nothing stored', async () => {
      const [roomId, userId] = [freshId(), freshId()];
      await membership().add(roomId, userId);
      (await membership().members(roomId)).push(42);
      (await membership().roomsOf(userId)).push(42);
      expect(await membership().members(roomId)).toEqual([userId]);
      expect(await membership().roomsOf(userId)).toEqual([roomId]);
    });

    it('keeps the role and join time a member was added with; members added without one are members', async () => {
      const [roomId, owner, member] = [freshId(), freshId(), freshId()];
      const at = '2026-01-02T03:04:05.000Z';
      await membership().add(roomId, owner, 'owner', at);
      await membership().add(roomId, member);
      expect(await membership().roleOf(roomId, owner)).toBe('owner');
      expect(await membership().roleOf(roomId, member)).toBe('member');
      expect(await membership().roleOf(roomId, freshId())).toBeNull();
      expect((await membership().page(roomId, { limit: 10 })).find((m) => m.userId === owner)).toEqual({ userId: owner, role: 'owner', joinedAt: at });
    });

    it('a second add keeps the first role', async () => {
      const [roomId, userId] = [freshId(), freshId()];
      await membership().add(roomId, userId, 'admin');
      expect(await membership().add(roomId, userId, 'member')).toBe(false);
      expect(await membership().roleOf(roomId, userId)).toBe('admin');
    });

    it('sets the role of a member, and of nobody else', async () => {
      const [roomId, userId, stranger] = [freshId(), freshId(), freshId()];
      await membership().add(roomId, userId);
      expect(await membership().setRole(roomId, userId, 'admin')).toBe(true);
      expect(await membership().roleOf(roomId, userId)).toBe('admin');
      expect(await membership().setRole(roomId, stranger, 'admin')).toBe(false);
      expect(await membership().roleOf(roomId, stranger)).toBeNull();
      expect(await membership().isMember(roomId, stranger)).toBe(false);
    });

    it('adds many members at once, skipping those already in, and answers who was added', async () => {
      const [roomId, a, b, c] = [freshId(), freshId(), freshId(), freshId()];
      const at = new Date().toISOString();
      await membership().add(roomId, b, 'owner', at);
      const added = await membership().addMany(roomId, [
        { userId: c, role: 'member', joinedAt: at },
        { userId: b, role: 'member', joinedAt: at },
        { userId: a, role: 'admin', joinedAt: at },
      ]);
      expect(added).toEqual(ascending([a, c]));
      expect(await membership().members(roomId)).toEqual(ascending([a, b, c]));
      expect(await membership().roleOf(roomId, b)).toBe('owner');
      expect(await membership().roleOf(roomId, a)).toBe('admin');
      expect(await membership().roomsOf(c)).toEqual([roomId]);
      expect(await membership().addMany(roomId, [])).toEqual([]);
    });

    it('counts members', async () => {
      const roomId = freshId();
      expect(await membership().count(roomId)).toBe(0);
      for (const userId of [freshId(), freshId(), freshId()]) await membership().add(roomId, userId);
      expect(await membership().count(roomId)).toBe(3);
    });

    it('pages members by userId from `after`, each page its own rows', async () => {
      const roomId = freshId();
      const users = ascending(Array.from({ length: 7 }, freshId));
      for (const userId of users) await membership().add(roomId, userId);
      const first = await membership().page(roomId, { limit: 3 });
      expect(first.map((m) => m.userId)).toEqual(users.slice(0, 3));
      const second = await membership().page(roomId, { after: users[2]!, limit: 3 });
      expect(second.map((m) => m.userId)).toEqual(users.slice(3, 6));
      expect((await membership().page(roomId, { after: users[5]!, limit: 3 })).map((m) => m.userId)).toEqual(users.slice(6));
      expect(await membership().page(roomId, { after: users[6]!, limit: 3 })).toEqual([]);
      expect(second.every((m) => m.role === 'member' && !Number.isNaN(Date.parse(m.joinedAt)))).toBe(true);
    });

    it('pages from a userId that is no longer a member', async () => {
      const roomId = freshId();
      const users = ascending(Array.from({ length: 5 }, freshId));
      for (const userId of users) await membership().add(roomId, userId);
      await membership().remove(roomId, users[2]!);
      expect((await membership().page(roomId, { after: users[2]!, limit: 10 })).map((m) => m.userId)).toEqual(users.slice(3));
      expect((await membership().page(roomId, { after: users[1]!, limit: 1 })).map((m) => m.userId)).toEqual([users[3]]);
    });

    it('finds the longest-standing holder of a role, the lowest userId among those who joined together', async () => {
      const roomId = freshId();
      const [early, late, tieLow, tieHigh] = [freshId(), freshId(), ...ascending([freshId(), freshId()])] as number[];
      await membership().add(roomId, late!, 'admin', '2026-03-01T00:00:00.000Z');
      await membership().add(roomId, early!, 'admin', '2026-01-01T00:00:00.000Z');
      await membership().add(roomId, tieHigh!, 'member', '2026-02-01T00:00:00.000Z');
      await membership().add(roomId, tieLow!, 'member', '2026-02-01T00:00:00.000Z');
      expect(await membership().longestStanding(roomId, 'admin')).toBe(early);
      expect(await membership().longestStanding(roomId, 'member')).toBe(tieLow);
      expect(await membership().longestStanding(roomId, 'owner')).toBeNull();
      await membership().remove(roomId, early!);
      expect(await membership().longestStanding(roomId, 'admin')).toBe(late);
    });

    it('removes every member of a room and only of that room', async () => {
      const [roomId, otherRoom, a, b] = [freshId(), freshId(), freshId(), freshId()];
      await membership().add(roomId, a, 'owner');
      await membership().add(roomId, b);
      await membership().add(otherRoom, a);
      await membership().removeAll(roomId);
      await membership().removeAll(roomId);
      expect(await membership().members(roomId)).toEqual([]);
      expect(await membership().count(roomId)).toBe(0);
      expect(await membership().isMember(roomId, b)).toBe(false);
      expect(await membership().roomsOf(a)).toEqual([otherRoom]);
      expect(await membership().roomsOf(b)).toEqual([]);
    });

    it('claims ownership of a room without an owner; a second claim by anyone else is refused', async () => {
      const [roomId, a, b, stranger] = [freshId(), freshId(), freshId(), freshId()];
      await membership().add(roomId, a);
      await membership().add(roomId, b);
      expect(await membership().claimOwnership(roomId, a)).toBe('claimed');
      expect(await membership().claimOwnership(roomId, a)).toBe('already-owner');
      expect(await membership().claimOwnership(roomId, b)).toBe('taken');
      expect(await membership().claimOwnership(roomId, stranger)).toBe('not-member');
      expect(await membership().roleOf(roomId, b)).toBe('member');
      expect(await membership().isMember(roomId, stranger)).toBe(false);
    });

    it('refuses a second owner: an add as owner of an owned room adds nobody, addMany leaves the second owner out', async () => {
      const [roomId, owner, second, third, member] = [freshId(), freshId(), freshId(), freshId(), freshId()];
      const at = new Date().toISOString();
      await membership().add(roomId, owner, 'owner', at);
      expect(await membership().add(roomId, second, 'owner', at)).toBe(false);
      expect(await membership().isMember(roomId, second)).toBe(false);
      expect(await membership().members(roomId)).toEqual([owner]);
      const otherRoom = freshId();
      const added = await membership().addMany(otherRoom, [
        { userId: third, role: 'owner', joinedAt: at },
        { userId: second, role: 'owner', joinedAt: at },
        { userId: member, role: 'member', joinedAt: at },
      ]);
      expect(added).toEqual(ascending([third, member]));
      expect(await membership().members(otherRoom)).toEqual(ascending([third, member]));
      expect(await membership().longestStanding(otherRoom, 'owner')).toBe(third);
      expect(await membership().roomsOf(second)).toEqual([]);
    });

    it('lets exactly one of many concurrent claims win', async () => {
      const roomId = freshId();
      const users = Array.from({ length: 8 }, () => freshId());
      for (const userId of users) await membership().add(roomId, userId, 'admin');
      const claims = await Promise.all(users.map((userId) => membership().claimOwnership(roomId, userId)));
      expect(claims.filter((claim) => claim === 'claimed')).toHaveLength(1);
      expect(claims.filter((claim) => claim === 'taken')).toHaveLength(users.length - 1);
      const roles = await membership().page(roomId, { limit: 20 });
      expect(roles.filter((member) => member.role === 'owner').map((member) => member.userId)).toEqual([users[claims.indexOf('claimed')]]);
    });

    it('releases ownership only from the owner, who becomes an admin; the room can then be claimed again', async () => {
      const [roomId, owner, other] = [freshId(), freshId(), freshId()];
      await membership().add(roomId, owner, 'owner');
      await membership().add(roomId, other);
      expect(await membership().releaseOwnership(roomId, other)).toBe(false);
      expect(await membership().releaseOwnership(roomId, owner)).toBe(true);
      expect(await membership().releaseOwnership(roomId, owner)).toBe(false);
      expect(await membership().roleOf(roomId, owner)).toBe('admin');
      expect(await membership().longestStanding(roomId, 'owner')).toBeNull();
      expect(await membership().claimOwnership(roomId, other)).toBe('claimed');
    });

    it('never changes the owner by setRole', async () => {
      const [roomId, owner] = [freshId(), freshId()];
      await membership().add(roomId, owner, 'owner');
      expect(await membership().setRole(roomId, owner, 'member')).toBe(false);
      expect(await membership().roleOf(roomId, owner)).toBe('owner');
    });

    it('a removed owner frees the room for a claim', async () => {
      const [roomId, owner, heir] = [freshId(), freshId(), freshId()];
      await membership().add(roomId, owner, 'owner');
      await membership().add(roomId, heir);
      expect(await membership().claimOwnership(roomId, heir)).toBe('taken');
      await membership().remove(roomId, owner);
      expect(await membership().claimOwnership(roomId, heir)).toBe('claimed');
    });
  });
};
