import type { ReadMarkerStore } from '@chatterroom/chat/ports';

export interface ReadMarkerStoreSubject {
  readonly store: ReadMarkerStore;
  close(): Promise<void>;
}

/** Random ids far above what the tests' stores hand out, so tests on a shared database never meet. */
const freshId = (): number => 1_000_000_000 + Math.floor(Math.random() * 1_000_000_000);

/**
 * The {@link ReadMarkerStore} contract, run against every adapter. Each test works on
 * random user ids and conversation keys, so existing data does not matter.
 */
export const describeReadMarkerStoreContract = (name: string, makeSubject: () => Promise<ReadMarkerStoreSubject>): void => {
  describe(`ReadMarkerStore contract: ${name}`, () => {
    let subject: ReadMarkerStoreSubject;
    const store = (): ReadMarkerStore => subject.store;

    beforeAll(async () => {
      subject = await makeSubject();
    });
    afterAll(async () => {
      await subject.close();
    });

    it('moves a marker forward and says so', async () => {
      const [userId, conversation] = [freshId(), `room:${freshId()}`];
      expect(await store().advance(userId, conversation, 3)).toEqual({ seq: 3, moved: true });
      expect(await store().advance(userId, conversation, 7)).toEqual({ seq: 7, moved: true });
      expect(await store().markersOf(userId, [conversation])).toEqual(new Map([[conversation, 7]]));
    });

    it('never moves a marker back: an equal or smaller seq leaves it and reports where it stands', async () => {
      const [userId, conversation] = [freshId(), `room:${freshId()}`];
      await store().advance(userId, conversation, 5);
      expect(await store().advance(userId, conversation, 5)).toEqual({ seq: 5, moved: false });
      expect(await store().advance(userId, conversation, 2)).toEqual({ seq: 5, moved: false });
      expect(await store().markersOf(userId, [conversation])).toEqual(new Map([[conversation, 5]]));
    });

    it('keeps the greatest seq when advances race, and exactly one of them moved it there', async () => {
      const [userId, conversation] = [freshId(), `room:${freshId()}`];
      const results = await Promise.all([4, 9, 2, 9, 6].map((seq) => store().advance(userId, conversation, seq)));
      expect(await store().markersOf(userId, [conversation])).toEqual(new Map([[conversation, 9]]));
      expect(results.filter((result) => result.moved && result.seq === 9)).toHaveLength(1);
    });

    it("keeps each user's marker apart, per conversation", async () => {
      const [alice, bob] = [freshId(), freshId()];
      const [one, two, none] = [`private:${alice}:${bob}`, `room:${freshId()}`, `room:${freshId()}`];
      await store().advance(alice, one, 2);
      await store().advance(alice, two, 8);
      await store().advance(bob, one, 4);
      expect(await store().markersOf(alice, [one, two, none])).toEqual(new Map([[one, 2], [two, 8]]));
      expect(await store().markersOf(bob, [two, one])).toEqual(new Map([[one, 4]]));
      expect(await store().markersOf(alice, [])).toEqual(new Map());
    });

    it("answers the readers of one conversation among the users asked", async () => {
      const [alice, bob, carol] = [freshId(), freshId(), freshId()];
      const conversation = `room:${freshId()}`;
      await store().advance(alice, conversation, 3);
      await store().advance(bob, conversation, 6);
      await store().advance(carol, `room:${freshId()}`, 9);
      expect(await store().readersOf(conversation, [carol, bob, alice, bob])).toEqual(new Map([[alice, 3], [bob, 6]]));
      expect(await store().readersOf(conversation, [])).toEqual(new Map());
    });
  });
};
