import { BACKOFF, backoffDelay } from '../src/state/backoff';

describe('backoffDelay', () => {
  it('doubles from the first delay up to the cap', () => {
    expect([0, 1, 2, 3].map((attempt) => backoffDelay(attempt, 1))).toEqual([500, 1000, 2000, 4000]);
    expect(backoffDelay(30, 1)).toBe(BACKOFF.maxMs);
  });

  it('spreads each delay by up to the jitter, never above the base', () => {
    expect(backoffDelay(1, 0)).toBe(Math.round(1000 * (1 - BACKOFF.jitter)));
    expect(backoffDelay(1, 0.5)).toBeLessThan(1000);
  });
});
