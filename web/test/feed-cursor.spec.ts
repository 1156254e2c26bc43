import { FeedCursor } from '../src/api/feed-cursor';
import { peopleToWatch, samePeople, MAX_WATCHED } from '../src/state/presence';
import { newConversation } from '../src/state/conversations';

describe('the feed cursor a socket resumes from', () => {
  it('keeps the newest cursor pushed, ignoring frames without one', () => {
    const cursor = new FeedCursor();
    cursor.advance('c1');
    cursor.advance(undefined);
    cursor.advance('c2');
    expect(cursor.since).toBe('c2');
  });

  it('is dropped after the server refused it twice in a row (the client then starts afresh), not after one refusal', () => {
    const cursor = new FeedCursor();
    cursor.advance('c1');
    expect(cursor.refused()).toBe(false);
    cursor.accepted();
    expect(cursor.refused()).toBe(false);
    expect(cursor.since).toBe('c1');
    expect(cursor.refused()).toBe(true);
    expect(cursor.since).toBeUndefined();
  });
});

describe('whose presence is watched', () => {
  it('the peers of the private chats listed, most recent first up to the limit, as a sorted list', () => {
    const chats = Array.from({ length: MAX_WATCHED + 2 }, (_, i) => newConversation('private', i + 1, `u${i}`, new Date(i * 1000).toISOString()));
    const watched = peopleToWatch([...chats, newConversation('room', 7, 'team')]);
    expect(watched).toHaveLength(MAX_WATCHED);
    expect(watched).not.toContain(1);
    expect(watched).toEqual([...watched].sort((a, b) => a - b));
    expect(samePeople(watched, [...watched])).toBe(true);
    expect(samePeople([1, 2], [1, 3])).toBe(false);
  });
});
