import type { LoggedChatEvent } from '../../ports';
import { MovedEvents } from './moved-events';

const events = (from: number, to: number): LoggedChatEvent[] =>
  Array.from({ length: to - from + 1 }, (_, i) => ({ id: `e${from + i}`, type: 't', occurredAt: '2026-01-01T00:00:00.000Z', payload: null, audience: [1], position: from + i }));
const ids = (list: readonly LoggedChatEvent[]) => list.map((event) => event.id);

describe('MovedEvents', () => {
  it('knows nothing until a batch read from the log is marked published', () => {
    const moved = new MovedEvents();
    moved.inserted(events(1, 3));
    expect(moved.next(10)).toBeUndefined();
    moved.handedOut(events(1, 3));
    moved.published(ids(events(1, 3)));
    moved.inserted(events(4, 5));
    expect(moved.next(10)).toEqual(events(4, 5));
  });

  it('hands out the same events again until they are marked, at most `limit`', () => {
    const moved = new MovedEvents();
    moved.handedOut(events(1, 1));
    moved.published(['e1']);
    moved.inserted(events(2, 6));
    expect(moved.next(2)).toEqual(events(2, 3));
    expect(moved.next(2)).toEqual(events(2, 3));
    moved.handedOut(events(2, 3));
    moved.published(['e2', 'e3']);
    expect(moved.next(10)).toEqual(events(4, 6));
  });

  it('reads the log again when positions were taken by another relay, a batch was not all marked, or after a clash', () => {
    const moved = new MovedEvents();
    moved.handedOut(events(1, 2));
    moved.published(['e1', 'e2']);
    moved.inserted(events(4, 5));
    expect(moved.next(10)).toBeUndefined();

    const partial = new MovedEvents();
    partial.handedOut(events(1, 2));
    partial.published(['e1']);
    partial.inserted(events(3, 3));
    expect(partial.next(10)).toBeUndefined();

    const clashed = new MovedEvents();
    clashed.handedOut(events(1, 1));
    clashed.published(['e1']);
    clashed.inserted(events(2, 2));
    clashed.forget();
    expect(clashed.next(10)).toBeUndefined();
  });
});

describe('MovedEvents, idle', () => {
  it('tells the position published through only while everything it moved is published', () => {
    const moved = new MovedEvents();
    expect(moved.idleThrough()).toBeUndefined();
    moved.handedOut(events(1, 2));
    moved.published(['e1', 'e2']);
    expect(moved.idleThrough()).toBe(2);
    moved.inserted(events(3, 4));
    expect(moved.idleThrough()).toBeUndefined();
    moved.handedOut(events(3, 4));
    moved.published(['e3', 'e4']);
    expect(moved.idleThrough()).toBe(4);
    moved.forget();
    expect(moved.idleThrough()).toBeUndefined();
  });
});

describe('MovedEvents, when more is marked than was handed out', () => {
  it('drops every marked event from what it hands out next', () => {
    const moved = new MovedEvents();
    moved.handedOut(events(1, 1));
    moved.published(['e1']);
    moved.inserted(events(2, 4));
    moved.handedOut(events(2, 2));
    moved.published(['e2', 'e3', 'e4', 'unknown']);
    expect(moved.next(10)).toBeUndefined();
  });
});
