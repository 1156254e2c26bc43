import { SocketThrottle } from './socket-throttle';

describe('SocketThrottle', () => {
  let now = 1_000_000;
  const clock = () => now;

  it('accepts a burst, refuses past it with the wait, and accepts again once it has passed', () => {
    const throttle = new SocketThrottle({ limit: 3, periodMs: 3_000 }, { limit: 10, periodMs: 10_000 }, clock);
    for (let i = 0; i < 3; i += 1) expect(throttle.admit()).toEqual({ kind: 'accept' });
    expect(throttle.admit()).toEqual({ kind: 'refuse', retryAfterMs: 1_000 });
    now += 1_000;
    expect(throttle.admit()).toEqual({ kind: 'accept' });
  });

  it('closes a socket that keeps sending past its refused frames', () => {
    const throttle = new SocketThrottle({ limit: 1, periodMs: 60_000 }, { limit: 2, periodMs: 60_000 }, clock);
    expect(throttle.admit().kind).toBe('accept');
    expect(throttle.admit().kind).toBe('refuse');
    expect(throttle.admit().kind).toBe('refuse');
    expect(throttle.admit().kind).toBe('close');
  });

  it('never refuses without a frame limit, and never closes without an excess limit', () => {
    const free = new SocketThrottle(null, { limit: 1, periodMs: 60_000 }, clock);
    for (let i = 0; i < 1000; i += 1) expect(free.admit().kind).toBe('accept');
    const patient = new SocketThrottle({ limit: 1, periodMs: 60_000 }, null, clock);
    patient.admit();
    for (let i = 0; i < 1000; i += 1) expect(patient.admit().kind).toBe('refuse');
  });
});
