import { mergeMessages, type ChatMessage } from '../src/state/messages';

const message = (seq: number, id = `m${seq}`): ChatMessage => ({ messageId: id, senderId: 1, text: `text ${seq}`, timestamp: new Date(seq * 1000).toISOString(), seq });

describe('mergeMessages', () => {
  it('orders by seq whatever order they come in', () => {
    expect(mergeMessages([message(2)], [message(3), message(1)]).map((m) => m.seq)).toEqual([1, 2, 3]);
  });

  it('keeps one copy of a message that comes twice (send answer, push, history page)', () => {
    const merged = mergeMessages([message(1), message(2)], [message(2), message(3), message(3)]);
    expect(merged.map((m) => m.messageId)).toEqual(['m1', 'm2', 'm3']);
  });

  it('returns the same list when nothing is new, so views can skip a render', () => {
    const known = [message(1), message(2)];
    expect(mergeMessages(known, [message(1)])).toBe(known);
  });
});

describe('mergeMessages with two versions of one message', () => {
  const edited = (seq: number, text: string, editedAt: string): ChatMessage => ({ ...message(seq), text, editedAt });
  const tombstone = (seq: number): ChatMessage => ({ messageId: `m${seq}`, senderId: 0, text: '', timestamp: '', seq, deleted: true });

  it('keeps an edit over the older copy a history page read before it brings', () => {
    const merged = mergeMessages([message(1), edited(2, 'fixed', '2026-12-01T00:00:02.000Z')], [message(2), message(3)]);
    expect(merged.map((m) => m.text)).toEqual(['text 1', 'fixed', 'text 3']);
  });

  it('takes an edit a history page brings over the copy known from before it (missed while away)', () => {
    const merged = mergeMessages([message(1), message(2)], [edited(2, 'fixed', '2026-12-01T00:00:02.000Z')]);
    expect(merged.map((m) => m.text)).toEqual(['text 1', 'fixed']);
  });

  it('keeps the later of two edits, whichever comes first', () => {
    const early = edited(1, 'early', '2026-12-01T00:00:01.000Z');
    const late = edited(1, 'late', '2026-12-01T00:00:09.000Z');
    expect(mergeMessages([late], [early]).map((m) => m.text)).toEqual(['late']);
    expect(mergeMessages([early], [late]).map((m) => m.text)).toEqual(['late']);
  });

  it('a deletion is final: no copy or edit brings the message back', () => {
    const known = [tombstone(1)];
    expect(mergeMessages(known, [message(1), edited(1, 'again', '2026-12-01T00:00:09.000Z')])).toBe(known);
    expect(mergeMessages([message(1)], [tombstone(1)])[0]?.deleted).toBe(true);
  });
});
