import type { ChatOutboxDocument } from './chat-event.schema';
import { OwnOutboxEntries } from './own-outbox-entries';

let keys = 0;
const entry = (id: string): ChatOutboxDocument => {
  keys += 1;
  return {
    _id: id, type: 'test.v1', occurredAt: new Date().toISOString(), payload: null, audience: [], roomId: null, membership: null,
    origin: null, recordedAt: new Date(), recordKey: `k${String(keys).padStart(6, '0')}`, requires: null,
  };
};

const record = (own: OwnOutboxEntries, ...documents: ChatOutboxDocument[]): void => {
  own.beginRecord();
  own.recorded(documents);
};

const idsOf = (documents: readonly ChatOutboxDocument[] | undefined): string[] | undefined => documents?.map((document) => document._id);

describe('OwnOutboxEntries', () => {
  it('hands out the oldest entries in the order recorded; a replaced entry moves to the end', () => {
    const own = new OwnOutboxEntries();
    record(own, entry('a'), entry('b'));
    record(own, entry('c'));
    record(own, entry('a'));
    expect(idsOf(own.oldest(2))).toEqual(['b', 'c']);
    expect(idsOf(own.oldest(10))).toEqual(['b', 'c', 'a']);
    own.remove(['b']);
    expect(idsOf(own.oldest(10))).toEqual(['c', 'a']);
    expect(own.size).toBe(2);
  });

  it('applies changes made in the outbox to the entries it remembers', () => {
    const own = new OwnOutboxEntries();
    record(own, entry('a'));
    own.update(['a', 'unknown'], (document) => ({ ...document, requires: 'm1' }));
    expect(own.oldest(1)?.[0]?.requires).toBe('m1');
  });

  it('names the entries whose intents wait for given messages', () => {
    const own = new OwnOutboxEntries();
    record(own, { ...entry('a'), requires: 'm1' }, { ...entry('b'), requires: 'm2' }, entry('c'), { ...entry('d'), requires: 'm1' });
    expect(own.requiring(new Set(['m1', 'm9']))).toEqual(['a', 'd']);
    expect(own.requiring(new Set())).toEqual([]);
  });

  it('stops answering after an overflow, and answers again once a read drained the outbox with no record begun or in flight', () => {
    const own = new OwnOutboxEntries(2);
    record(own, entry('a'), entry('b'), entry('c'));
    expect(own.oldest(10)).toBeUndefined();

    own.beginRecord();
    const duringRecord = own.readStarting();
    own.recorded([entry('d')]);
    own.readFinished(duringRecord, { entries: [], whole: true }, true);
    expect(own.oldest(10)).toBeUndefined();

    const beforeRecord = own.readStarting();
    record(own, entry('e'));
    own.readFinished(beforeRecord, { entries: [], whole: true }, true);
    expect(own.oldest(10)).toBeUndefined();

    const undrained = own.readStarting();
    own.readFinished(undrained, { entries: [entry('f')], whole: true }, false);
    expect(own.oldest(10)).toBeUndefined();

    const quiet = own.readStarting();
    own.readFinished(quiet, { entries: [], whole: true }, true);
    expect(own.oldest(10)).toEqual([]);
    record(own, entry('g'));
    expect(idsOf(own.oldest(10))).toEqual(['g']);
  });

  it('stops answering after a failed record (its entries may be in the outbox)', () => {
    const own = new OwnOutboxEntries();
    record(own, entry('a'));
    own.beginRecord();
    own.failed();
    expect(own.oldest(10)).toBeUndefined();
    expect(own.size).toBe(0);
  });

  it('forgets entries settled before a read that the read should have found and did not (another process moved them)', () => {
    const own = new OwnOutboxEntries();
    const [a, b, c] = [entry('a'), entry('b'), entry('c')];
    record(own, a, b, c);
    own.beginRecord();
    const mark = own.readStarting();
    const late = entry('late');
    own.recorded([late]);
    own.readFinished(mark, { entries: [b], whole: false }, false);
    expect(idsOf(own.oldest(10))).toEqual(['b', 'c', 'late']);
    own.readFinished(own.readStarting(), { entries: [], whole: true }, true);
    expect(own.oldest(10)).toEqual([]);
  });
});
