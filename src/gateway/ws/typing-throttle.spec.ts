import { TYPING_INTERVAL_MS, TypingThrottle } from './typing-throttle';

describe('TypingThrottle', () => {
  it('forwards the first notice, then one per interval, per user and conversation', () => {
    let now = 1_000_000;
    const throttle = new TypingThrottle(() => now);
    expect(throttle.admit(1, 'room:3')).toBe(true);
    expect(throttle.admit(1, 'room:3')).toBe(false);
    expect(throttle.admit(2, 'room:3')).toBe(true);
    expect(throttle.admit(1, 'private:2')).toBe(true);
    now += TYPING_INTERVAL_MS - 1;
    expect(throttle.admit(1, 'room:3')).toBe(false);
    now += 1;
    expect(throttle.admit(1, 'room:3')).toBe(true);
  });

  it('keeps its memory bounded by sweeping expired entries', () => {
    let now = 0;
    const throttle = new TypingThrottle(() => now);
    for (let userId = 1; userId <= 10_000; userId += 1) throttle.admit(userId, 'room:1');
    now += TYPING_INTERVAL_MS;
    expect(throttle.admit(20_000, 'room:1')).toBe(true);
    expect((throttle as unknown as { lastForwarded: Map<string, number> }).lastForwarded.size).toBe(1);
  });
});
