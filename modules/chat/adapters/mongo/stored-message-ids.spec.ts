import { StoredMessageIds } from './stored-message-ids';

describe('StoredMessageIds', () => {
  it('knows the ids added until they are forgotten', () => {
    const stored = new StoredMessageIds();
    stored.add(['a', 'b']);
    expect([stored.has('a'), stored.has('b'), stored.has('c')]).toEqual([true, true, false]);
    stored.forget('a');
    expect(stored.has('a')).toBe(false);
  });

  it('forgets the oldest beyond its capacity; adding an id again makes it the newest', () => {
    const stored = new StoredMessageIds(3);
    stored.add(['a', 'b', 'c']);
    stored.add(['a']);
    stored.add(['d']);
    expect(['a', 'b', 'c', 'd'].filter((id) => stored.has(id))).toEqual(['a', 'c', 'd']);
  });
});
