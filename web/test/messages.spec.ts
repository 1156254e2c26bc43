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
