import type { RoomMembership } from '../../../../modules/chat/ports';

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
  });
};
