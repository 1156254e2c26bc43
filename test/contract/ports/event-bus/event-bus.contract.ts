import { createEvent, type EventBus, type IntegrationEvent } from '@chatterroom/kernel';
import { EventRecorder, eventually, uniqueGroup, uniqueModule } from './event-recorder';

/**
 * Two handles on one event bus, standing for two processes. For RabbitMQ they are two
 * connections; for the in-memory bus, two instances built on one InMemoryEventHub.
 * `close` releases whatever the pair holds (closing a handle twice must be harmless).
 */
export interface EventBusPair {
  readonly buses: readonly [EventBus, EventBus];
  close(): Promise<void>;
}

const broadcast = { mode: 'broadcast' } as const;
const group = (name: string) => ({ mode: 'group', group: name }) as const;

/** The EventBus port contract, run against each adapter by a thin spec file. */
export const describeEventBusContract = (name: string, makeBuses: () => Promise<EventBusPair>): void => {
  describe(`EventBus contract: ${name}`, () => {
    jest.setTimeout(30_000);
    let pair: EventBusPair;
    let a: EventBus;
    let b: EventBus;
    let recorder: EventRecorder;
    let mod: string;
    const type = (what = 'thing-happened') => `${mod}.${what}.v1`;
    const event = (what?: string, payload: unknown = { n: 1 }): IntegrationEvent => createEvent(type(what), payload);

    beforeEach(async () => {
      pair = await makeBuses();
      [a, b] = pair.buses;
      recorder = new EventRecorder();
      mod = uniqueModule();
    });

    afterEach(async () => {
      await pair.close();
    });

    it('delivers a parsed copy of the event, never during the publish call itself', async () => {
      const seenDuringPublish: boolean[] = [];
      let publishing = false;
      await a.subscribe({ types: [type()], delivery: broadcast }, async (received) => {
        seenDuringPublish.push(publishing);
        await recorder.handler('a')(received);
      });
      const sent = event(undefined, { text: 'hello', at: ['x', 2], nested: { ok: true } });
      publishing = true;
      const published = a.publish(sent);
      publishing = false;
      await published;

      await eventually(() => expect(recorder.allIds()).toEqual([sent.id]));
      expect(seenDuringPublish).toEqual([false]);
      expect(recorder.received[0]?.event).toEqual(sent);
    });

    it('gives every broadcast subscriber, on every instance, its own copy', async () => {
      await a.subscribe({ types: [type()], delivery: broadcast }, recorder.handler('a'));
      await b.subscribe({ types: [type()], delivery: broadcast }, recorder.handler('b'));
      const fromA = event();
      const fromB = event();
      await a.publish(fromA);
      await b.publish(fromB);

      await eventually(() => {
        expect(recorder.idsBy('a').sort()).toEqual([fromA.id, fromB.id].sort());
        expect(recorder.idsBy('b').sort()).toEqual([fromA.id, fromB.id].sort());
      });
    });

    it('delivers each event to exactly one member of a group across instances', async () => {
      const name = uniqueGroup();
      await a.subscribe({ types: [type()], delivery: group(name) }, recorder.handler('a'));
      await b.subscribe({ types: [type()], delivery: group(name) }, recorder.handler('b'));
      const firstRound = Array.from({ length: 10 }, () => event());
      const secondRound = Array.from({ length: 10 }, () => event());

      for (const sent of firstRound) await a.publish(sent);
      await eventually(() => expect(new Set(recorder.allIds())).toEqual(new Set(firstRound.map((e) => e.id))));
      for (const sent of secondRound) await b.publish(sent);
      const allIds = [...firstRound, ...secondRound].map((e) => e.id);
      await eventually(() => expect(new Set(recorder.allIds())).toEqual(new Set(allIds)));

      expect(recorder.allIds().sort()).toEqual(allIds.sort());
    });

    it('gives each group, and each broadcast subscriber, a copy of the same event', async () => {
      await a.subscribe({ types: [type()], delivery: group(uniqueGroup()) }, recorder.handler('group-1'));
      await b.subscribe({ types: [type()], delivery: group(uniqueGroup()) }, recorder.handler('group-2'));
      await b.subscribe({ types: [type()], delivery: broadcast }, recorder.handler('broadcast'));
      const sent = event();
      await a.publish(sent);

      await eventually(() => {
        expect(recorder.idsBy('group-1')).toEqual([sent.id]);
        expect(recorder.idsBy('group-2')).toEqual([sent.id]);
        expect(recorder.idsBy('broadcast')).toEqual([sent.id]);
      });
    });

    it('matches exact types and module prefixes, and nothing else', async () => {
      await b.subscribe({ types: [`${mod}.*`], delivery: broadcast }, recorder.handler('prefix'));
      await b.subscribe({ types: [type('thing-happened')], delivery: group(uniqueGroup()) }, recorder.handler('exact'));
      const otherModule = createEvent(`${mod}x.thing-happened.v1`, {});
      const otherType = event('other-thing-happened');
      const wanted = event('thing-happened');
      // Order per publisher is kept, so anything wrongly delivered arrives before `wanted`.
      await a.publish(otherModule);
      await a.publish(otherType);
      await a.publish(wanted);

      await eventually(() => {
        expect(recorder.idsBy('prefix')).toEqual([otherType.id, wanted.id]);
        expect(recorder.idsBy('exact')).toEqual([wanted.id]);
      });
    });

    it('keeps the order of one publisher, for broadcast and group subscribers', async () => {
      await b.subscribe({ types: [`${mod}.*`], delivery: broadcast }, recorder.handler('broadcast'));
      await b.subscribe({ types: [`${mod}.*`], delivery: group(uniqueGroup()) }, recorder.handler('group'));
      const sent = Array.from({ length: 30 }, (_, n) => event(n % 2 === 0 ? 'even-happened' : 'odd-happened', { n }));
      await Promise.all(sent.map((e) => a.publish(e)));

      const ids = sent.map((e) => e.id);
      await eventually(() => {
        expect(recorder.idsBy('broadcast')).toEqual(ids);
        expect(recorder.idsBy('group')).toEqual(ids);
      });
    });

    it.each(['broadcast', 'group'] as const)('gives a %s handler that throws the event exactly once more', async (mode) => {
      const delivery = mode === 'group' ? group(uniqueGroup()) : broadcast;
      const failing = event('failing-happened', { keep: 'me' });
      await b.subscribe({ types: [`${mod}.*`], delivery }, recorder.handler('b', (e) => e.id === failing.id));

      await a.publish(failing);
      await eventually(() => expect(recorder.attempts(failing.id)).toBe(2));
      const after = event('after-happened');
      await a.publish(after);
      await eventually(() => expect(recorder.attempts(after.id)).toBe(1));

      expect(recorder.attempts(failing.id)).toBe(2);
      expect(recorder.received.filter((entry) => entry.event.id === failing.id).map((entry) => entry.event)).toEqual([
        failing,
        failing,
      ]);
    });

    it('delivers a retried event normally when the second attempt succeeds', async () => {
      const flaky = event();
      const failFirstTry = (e: IntegrationEvent, attempt: number) => e.id === flaky.id && attempt === 1;
      await b.subscribe({ types: [type()], delivery: broadcast }, recorder.handler('b', failFirstTry));
      await a.publish(flaky);
      await eventually(() => expect(recorder.attempts(flaky.id)).toBe(2));
      const after = event();
      await a.publish(after);
      await eventually(() => expect(recorder.idsBy('b')).toEqual([flaky.id, flaky.id, after.id]));
    });

    it('keeps group events published while no member listens', async () => {
      const name = uniqueGroup();
      await a.subscribe({ types: [type()], delivery: group(name) }, recorder.handler('a'));
      await a.close();
      const sent = event();
      await b.publish(sent);
      await b.subscribe({ types: [type()], delivery: group(name) }, recorder.handler('b'));

      await eventually(() => expect(recorder.idsBy('b')).toEqual([sent.id]));
      expect(recorder.idsBy('a')).toEqual([]);
    });

    it('stops delivering on close, is idempotent, and refuses to publish afterwards', async () => {
      await a.subscribe({ types: [type()], delivery: broadcast }, recorder.handler('a'));
      await b.subscribe({ types: [type()], delivery: broadcast }, recorder.handler('b'));
      await a.close();
      await a.close();
      const sent = event();
      await b.publish(sent);

      await eventually(() => expect(recorder.idsBy('b')).toEqual([sent.id]));
      expect(recorder.idsBy('a')).toEqual([]);
      await expect(a.publish(event())).rejects.toThrow();
    });

    it('rejects subscriptions without types or with an unnamed group', async () => {
      await expect(a.subscribe({ types: [], delivery: broadcast }, recorder.handler('a'))).rejects.toMatchObject({
        code: 'VALIDATION_FAILED',
      });
      await expect(a.subscribe({ types: [type()], delivery: group('') }, recorder.handler('a'))).rejects.toMatchObject({
        code: 'VALIDATION_FAILED',
      });
    });
  });
};
