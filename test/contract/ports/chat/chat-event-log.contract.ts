import { randomUUID } from 'node:crypto';
import type { ChatEventDraft, ChatEventLog, LoggedChatEvent } from '@chatterroom/chat/ports';

export interface ChatEventLogSubject {
  readonly log: ChatEventLog;
  /** A second log on the same storage, as another process (replica) would open it. */
  readonly twin: ChatEventLog;
  close(): Promise<void>;
}

const freshUser = (): number => 1_000_000_000 + Math.floor(Math.random() * 1_000_000_000);

const draft = (audience: readonly number[], overrides: Partial<ChatEventDraft> = {}): ChatEventDraft => ({
  id: randomUUID(),
  type: 'chat.test-happened.v1',
  occurredAt: new Date().toISOString(),
  payload: { text: 'x', nested: { list: [1, 2] }, audience },
  audience,
  ...overrides,
});

/** Positions ascending, each one more than the one before. */
const expectConsecutive = (events: readonly LoggedChatEvent[]): void => {
  events.forEach((event, index) => {
    if (index > 0) expect(event.position).toBe((events[index - 1] as LoggedChatEvent).position + 1);
  });
};

/**
 * The {@link ChatEventLog} contract, run against every adapter. The log is shared by the whole
 * suite, so each test publishes everything pending first and works with users of its own.
 */
export const describeChatEventLogContract = (name: string, makeSubject: () => Promise<ChatEventLogSubject>): void => {
  describe(`ChatEventLog contract: ${name}`, () => {
    let subject: ChatEventLogSubject;
    const log = (): ChatEventLog => subject.log;
    /** Gives positions to everything recorded and marks it published; returns what was pending. */
    const drain = async (): Promise<LoggedChatEvent[]> => {
      const all: LoggedChatEvent[] = [];
      for (let batch = await log().nextToPublish(100); batch.length > 0; batch = await log().nextToPublish(100)) {
        all.push(...batch);
        await log().markPublished(batch.map((event) => event.id));
      }
      return all;
    };

    beforeAll(async () => {
      subject = await makeSubject();
    });
    afterAll(async () => {
      await subject.close();
    });

    it('hands out recorded events to publish in recording order, with consecutive positions, until they are marked', async () => {
      await drain();
      const user = freshUser();
      const drafts = [draft([user]), draft([user, freshUser()]), draft([freshUser()])];
      for (const event of drafts) await log().record(event);
      const pending = await log().nextToPublish(10);
      expect(pending.map(({ position: _position, ...event }) => event)).toEqual(drafts);
      expectConsecutive(pending);
      expect(await log().nextToPublish(10)).toEqual(pending);
      expect(await log().nextToPublish(2)).toEqual(pending.slice(0, 2));
      await log().markPublished(pending.slice(0, 2).map((event) => event.id));
      expect(await log().nextToPublish(10)).toEqual(pending.slice(2));
      await log().markPublished([...pending.map((event) => event.id), randomUUID()]);
      expect(await log().nextToPublish(10)).toEqual([]);
    });

    it('records an event id once', async () => {
      await drain();
      const event = draft([freshUser()]);
      await log().record(event);
      await log().record({ ...event, payload: { other: true } });
      expect(await drain()).toEqual([{ ...event, position: expect.any(Number) }]);
    });

    it("reads one user's events after a position, in order, at most limit, whatever else is in the log", async () => {
      await drain();
      const [ann, bob] = [freshUser(), freshUser()];
      const audiences = [[ann], [bob], [ann, bob], [bob], [ann]];
      for (const audience of audiences) await log().record(draft(audience));
      const all = await drain();
      const anns = all.filter((event) => event.audience.includes(ann));
      expect(anns).toHaveLength(3);
      const start = (all[0] as LoggedChatEvent).position - 1;
      expect(await log().readFor(ann, start, 10)).toEqual(anns);
      expect(await log().readFor(ann, start, 2)).toEqual(anns.slice(0, 2));
      expect(await log().readFor(ann, (anns[0] as LoggedChatEvent).position, 10)).toEqual(anns.slice(1));
      expect(await log().readFor(ann, (anns[2] as LoggedChatEvent).position, 10)).toEqual([]);
      expect(await log().readFor(freshUser(), start, 10)).toEqual([]);
    });

    it('stores a large audience in one event, readable by each member', async () => {
      await drain();
      const audience = Array.from({ length: 500 }, () => freshUser()).sort((a, b) => a - b);
      await log().record(draft(audience));
      const [event] = await drain();
      expect(event?.audience).toEqual(audience);
      for (const member of [audience[0], audience[250], audience[499]]) {
        expect(await log().readFor(member as number, (event as LoggedChatEvent).position - 1, 10)).toEqual([event]);
      }
    });

    it('reads unpublished events too (a relay behind does not hold back a replay)', async () => {
      await drain();
      const user = freshUser();
      await log().record(draft([user]));
      const [pending] = await log().nextToPublish(10);
      expect(await log().readFor(user, 0, 10)).toEqual([pending]);
      await drain();
    });

    it('reads an event recorded just before, before any relay ran (a reader sees what was acknowledged before it asked)', async () => {
      await drain();
      const user = freshUser();
      const event = draft([user]);
      await log().record(event);
      expect((await log().readFor(user, 0, 10)).map((read) => read.id)).toEqual([event.id]);
      await drain();
    });

    it('tells the last and the first position kept', async () => {
      await drain();
      await log().record(draft([freshUser()]));
      const [event] = await drain();
      expect(await log().lastPosition()).toBe(event?.position);
      const first = await log().firstPosition();
      expect(first).not.toBeNull();
      expect(first as number).toBeLessThanOrEqual((event as LoggedChatEvent).position);
    });

    it('gives every event of concurrent recorders (two processes) one position, gap-free, none read out of order', async () => {
      await drain();
      const user = freshUser();
      const before = await log().lastPosition();
      const drafts = Array.from({ length: 30 }, () => draft([user]));
      await Promise.all(drafts.map((event, index) => (index % 2 === 0 ? log() : subject.twin).record(event)));
      const [one, two] = await Promise.all([log().nextToPublish(100), subject.twin.nextToPublish(100)]);
      const union = new Map([...one, ...two].map((event) => [event.id, event.position]));
      expect(union.size).toBe(30);
      const positions = [...union.values()].sort((a, b) => a - b);
      expect(new Set(positions).size).toBe(30);
      expect(positions[0]).toBe(before + 1);
      const read = await log().readFor(user, before, 100);
      expect(read.map((event) => event.id).sort()).toEqual(drafts.map((event) => event.id).sort());
      expectConsecutive(read);
      await drain();
    });

    it('prunes published events older than a time, never an unpublished one nor the newest', async () => {
      await drain();
      const user = freshUser();
      const old = new Date(Date.now() - 3_600_000).toISOString();
      await log().record(draft([user], { occurredAt: old }));
      await log().record(draft([user], { occurredAt: old }));
      const [first, second] = await log().nextToPublish(10);
      await log().markPublished([(first as LoggedChatEvent).id]);
      await log().prune(new Date(Date.now() - 60_000));
      expect(await log().readFor(user, 0, 10)).toEqual([second]);
      await log().markPublished([(second as LoggedChatEvent).id]);
      await log().prune(new Date(Date.now() - 60_000));
      expect(await log().readFor(user, 0, 10)).toEqual([second]);
      expect(await log().lastPosition()).toBe(second?.position);
      expect(await log().firstPosition()).toBeLessThanOrEqual((second as LoggedChatEvent).position);
    });
  });
};
