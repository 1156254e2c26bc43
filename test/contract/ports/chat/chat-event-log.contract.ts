import { randomUUID } from 'node:crypto';
import type { ChatEventDraft, ChatEventLog, LoggedChatEvent } from '@chatterroom/chat/ports';

export interface ChatEventLogSubject {
  readonly log: ChatEventLog;
  /** A second log on the same storage, as another process (replica) would open it. */
  readonly twin: ChatEventLog;
  /** The event as its storage keeps it (row, document), once it has a position; null when not found. */
  stored(id: string): Promise<object | null>;
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

let rooms = 1_000_000_000 + Math.floor(Math.random() * 1_000_000_000);
const freshRoom = (): number => (rooms += 1);

/** A room event, as the chat module records it: its room, the users it names (not the members), no audience in the payload. */
const roomDraft = (roomId: number, named: readonly number[] = [], membership?: 'joins' | 'leaves', text = 'x'): ChatEventDraft => ({
  id: randomUUID(),
  type: 'chat.test-room-happened.v1',
  occurredAt: new Date().toISOString(),
  payload: { roomId, text },
  audience: named,
  roomId,
  ...(membership === undefined ? {} : { membership }),
});

/** The length of a stored event as JSON, its position aside (whose digits vary). */
const sizeOf = (stored: object | null | undefined): number => JSON.stringify({ ...stored, position: 0 }).length;

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

    it('hands out an event with the origin it was recorded with (the trace headers its publisher continues)', async () => {
      await drain();
      const origin = { traceparent: '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01', 'x-request-id': 'req-origin' };
      const traced = { ...draft([freshUser()]), origin };
      const untraced = draft([freshUser()]);
      await log().record(traced);
      await log().record(untraced);
      const pending = await drain();
      expect(pending.map(({ position: _position, ...event }) => event)).toEqual([traced, untraced]);
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
      expect(await log().readFor(ann, start, 10, [])).toEqual(anns);
      expect(await log().readFor(ann, start, 2, [])).toEqual(anns.slice(0, 2));
      expect(await log().readFor(ann, (anns[0] as LoggedChatEvent).position, 10, [])).toEqual(anns.slice(1));
      expect(await log().readFor(ann, (anns[2] as LoggedChatEvent).position, 10, [])).toEqual([]);
      expect(await log().readFor(freshUser(), start, 10, [])).toEqual([]);
    });

    it('stores a large audience in one event, readable by each member', async () => {
      await drain();
      const audience = Array.from({ length: 500 }, () => freshUser()).sort((a, b) => a - b);
      await log().record(draft(audience));
      const [event] = await drain();
      expect(event?.audience).toEqual(audience);
      for (const member of [audience[0], audience[250], audience[499]]) {
        expect(await log().readFor(member as number, (event as LoggedChatEvent).position - 1, 10, [])).toEqual([event]);
      }
    });

    it('reads events that name their whole audience, as they were recorded before room events existed', async () => {
      await drain();
      const [ann, bob] = [freshUser(), freshUser()];
      const room = freshRoom();
      await log().record(draft([ann, bob], { payload: { roomId: room, audience: [ann, bob] } }));
      const [event] = await drain();
      expect(event?.roomId).toBeUndefined();
      expect(await log().readFor(bob, (event as LoggedChatEvent).position - 1, 10, [])).toEqual([event]);
      expect(await log().readFor(ann, (event as LoggedChatEvent).position - 1, 10, [room])).toEqual([event]);
    });

    it('stores a room event with its room and the users it names, never the members: one size whatever the room', async () => {
      await drain();
      const [small, large] = [freshRoom(), freshRoom()];
      const named = freshUser();
      const events = [roomDraft(small), roomDraft(large), roomDraft(small, [named], 'joins')];
      for (const event of events) await log().record(event);
      const logged = await drain();
      expect(logged.map(({ position: _position, ...event }) => event)).toEqual(events);
      const [smallRow, largeRow, namedRow] = await Promise.all(events.map((event) => subject.stored(event.id)));
      expect(sizeOf(smallRow)).toBe(sizeOf(largeRow));
      expect(JSON.stringify(namedRow)).toContain(String(named));
      expect(sizeOf(largeRow)).toBeLessThan(600);
    });

    it('replays a room of 2,000 members its message from one stored event of a constant size', async () => {
      await drain();
      const room = freshRoom();
      const members = Array.from({ length: 2_000 }, () => freshUser()).sort((a, b) => a - b);
      const message = roomDraft(room, [], undefined, 'to 2,000');
      const alone = roomDraft(freshRoom(), [], undefined, 'to 2,000');
      await log().record(message);
      await log().record(alone);
      const [event] = await drain();
      expect(sizeOf(await subject.stored(message.id))).toBe(sizeOf(await subject.stored(alone.id)));
      for (const member of [members[0], members[1_000], members[1_999]]) {
        expect(await log().readFor(member as number, (event as LoggedChatEvent).position - 1, 10, [room])).toEqual([event]);
      }
      expect(await log().readFor(freshUser(), (event as LoggedChatEvent).position - 1, 10, [])).toEqual([]);
    });

    it("replays a room's events to a user only while a member: joined, left, added, removed, added again, room deleted", async () => {
      await drain();
      const [ann, bob] = [freshUser(), freshUser()];
      const [room, other, never] = [freshRoom(), freshRoom(), freshRoom()];
      const script: [ChatEventDraft, boolean][] = [
        [roomDraft(room, [], undefined, 'before ann'), false],
        [roomDraft(room, [ann], 'joins', 'ann joins'), true],
        [roomDraft(other, [], undefined, 'in her other room'), true],
        [roomDraft(room, [], undefined, 'while in'), true],
        [roomDraft(room, [ann], 'leaves', 'ann leaves'), true],
        [roomDraft(room, [], undefined, 'after she left'), false],
        [roomDraft(never, [], undefined, 'a room she never was in'), false],
        [roomDraft(room, [ann], 'joins', 'ann added'), true],
        [roomDraft(room, [], undefined, 'back in'), true],
        [roomDraft(room, [ann], 'leaves', 'ann removed'), true],
        [roomDraft(room, [], undefined, 'after the removal'), false],
        [roomDraft(room, [ann], 'joins', 'ann added again'), true],
        [roomDraft(room, [], undefined, 'in again'), true],
        [roomDraft(room, [ann, bob].sort((a, b) => a - b), 'leaves', 'room deleted'), true],
        [roomDraft(room, [], undefined, 'after the deletion'), false],
        [roomDraft(other, [], undefined, 'her other room goes on'), true],
      ];
      for (const [event] of script) await log().record(event);
      const logged = await drain();
      const start = (logged[0] as LoggedChatEvent).position - 1;
      const annSees = logged.filter((_event, index) => script[index]?.[1] === true);
      expect(await log().readFor(ann, start, 100, [other])).toEqual(annSees);
      const pages: LoggedChatEvent[] = [];
      for (let after = start, page = await log().readFor(ann, after, 3, [other]); page.length > 0; page = await log().readFor(ann, after, 3, [other])) {
        pages.push(...page);
        after = (page.at(-1) as LoggedChatEvent).position;
      }
      expect(pages).toEqual(annSees);
      const fromMiddle = (logged[5] as LoggedChatEvent).position;
      expect(await log().readFor(ann, fromMiddle, 100, [other])).toEqual(annSees.filter((event) => event.position > fromMiddle));
      const bobSees = logged.filter((event) => event.roomId === room && event.position <= (logged[13] as LoggedChatEvent).position);
      expect(await log().readFor(bob, start, 100, [])).toEqual(bobSees);
    });

    it('reads unpublished events too (a relay behind does not hold back a replay)', async () => {
      await drain();
      const user = freshUser();
      await log().record(draft([user]));
      const [pending] = await log().nextToPublish(10);
      expect(await log().readFor(user, 0, 10, [])).toEqual([pending]);
      await drain();
    });

    it('reads an event recorded just before, before any relay ran (a reader sees what was acknowledged before it asked)', async () => {
      await drain();
      const user = freshUser();
      const event = draft([user]);
      await log().record(event);
      expect((await log().readFor(user, 0, 10, [])).map((read) => read.id)).toEqual([event.id]);
      await drain();
    });

    it('counts an event recorded just before in the last position (a cursor of now lies after every acknowledged change)', async () => {
      await drain();
      const user = freshUser();
      const event = draft([user]);
      await log().record(event);
      const last = await log().lastPosition();
      expect(await log().readFor(user, last, 10, [])).toEqual([]);
      expect((await log().readFor(user, last - 1, 10, [])).map((read) => read.id)).toEqual([event.id]);
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
      const read = await log().readFor(user, before, 100, []);
      expect(read.map((event) => event.id).sort()).toEqual(drafts.map((event) => event.id).sort());
      expectConsecutive(read);
      await drain();
    });

    it('hands out what another process recorded once told that others may have recorded, in the order recorded', async () => {
      await drain();
      const user = freshUser();
      const own = draft([user]);
      await log().record(own);
      expect((await log().nextToPublish(10)).map((event) => event.id)).toEqual([own.id]);
      await log().markPublished([own.id]);
      const theirs = [draft([user]), draft([user])];
      for (const event of theirs) await subject.twin.record(event);
      log().othersMayHaveRecorded();
      expect((await drain()).map((event) => event.id)).toEqual(theirs.map((event) => event.id));
    });

    it('hands out, once idle, an event another relay moved and never published (it stopped before publishing)', async () => {
      await drain();
      const own = draft([freshUser()]);
      await log().record(own);
      expect((await log().nextToPublish(10)).map((event) => event.id)).toEqual([own.id]);
      await log().markPublished([own.id]);
      expect(await log().nextToPublish(10)).toEqual([]);
      const orphan = draft([freshUser()]);
      await subject.twin.record(orphan);
      expect((await subject.twin.nextToPublish(10)).map((event) => event.id)).toEqual([orphan.id]);
      expect((await log().nextToPublish(10)).map((event) => event.id)).toEqual([orphan.id]);
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
      expect(await log().readFor(user, 0, 10, [])).toEqual([second]);
      await log().markPublished([(second as LoggedChatEvent).id]);
      await log().prune(new Date(Date.now() - 60_000));
      expect(await log().readFor(user, 0, 10, [])).toEqual([second]);
      expect(await log().lastPosition()).toBe(second?.position);
      expect(await log().firstPosition()).toBeLessThanOrEqual((second as LoggedChatEvent).position);
    });
  });
};
