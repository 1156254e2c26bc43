import { setTimeout as sleep } from 'node:timers/promises';
import type { BackoffPolicy, RateDecision, RateLimiter } from '@chatterroom/kernel';

export interface RateLimiterSubject {
  readonly limiter: RateLimiter;
  close(): Promise<void>;
}

const freshKey = (label: string): string => `${label}:${Date.now().toString(36)}${Math.random().toString(36).slice(2)}`;
const denied = (decision: RateDecision): number => {
  if (decision.allowed) throw new Error('expected a denial, got allowed');
  return decision.retryAfterMs;
};

const BACKOFF: BackoffPolicy = { freeFailures: 2, baseDelayMs: 150, maxDelayMs: 500, forgetAfterMs: 60_000 };

/**
 * The {@link RateLimiter} contract, run against every adapter. Each test uses fresh keys;
 * the waits are the limiter's own `retryAfterMs`, so no assertion depends on speed.
 */
export const describeRateLimiterContract = (name: string, makeSubject: () => Promise<RateLimiterSubject>): void => {
  describe(`RateLimiter contract: ${name}`, () => {
    let subject: RateLimiterSubject;
    const limiter = (): RateLimiter => subject.limiter;

    beforeAll(async () => {
      subject = await makeSubject();
    });
    afterAll(async () => {
      await subject.close();
    });

    it('allows a burst of `limit`, then denies with a wait no longer than one interval', async () => {
      const key = freshKey('burst');
      const policy = { limit: 5, periodMs: 60_000 };
      for (let i = 0; i < 5; i += 1) expect(await limiter().consume(key, policy)).toEqual({ allowed: true });
      const retryAfterMs = denied(await limiter().consume(key, policy));
      expect(retryAfterMs).toBeGreaterThan(0);
      expect(retryAfterMs).toBeLessThanOrEqual(12_000);
    });

    it('refills: after the announced wait, one more unit is allowed', async () => {
      const key = freshKey('refill');
      const policy = { limit: 2, periodMs: 400 };
      await limiter().consume(key, policy);
      await limiter().consume(key, policy);
      const wait = denied(await limiter().consume(key, policy));
      await sleep(wait + 30);
      expect(await limiter().consume(key, policy)).toEqual({ allowed: true });
    });

    it('keeps keys apart', async () => {
      const policy = { limit: 1, periodMs: 60_000 };
      const [a, b] = [freshKey('a'), freshKey('b')];
      expect((await limiter().consume(a, policy)).allowed).toBe(true);
      expect((await limiter().consume(a, policy)).allowed).toBe(false);
      expect((await limiter().consume(b, policy)).allowed).toBe(true);
    });

    it('spends a cost of several units at once, and never one above the limit', async () => {
      const key = freshKey('cost');
      const policy = { limit: 4, periodMs: 60_000 };
      expect((await limiter().consume(key, policy, 3)).allowed).toBe(true);
      expect((await limiter().consume(key, policy, 2)).allowed).toBe(false);
      expect((await limiter().consume(key, policy, 1)).allowed).toBe(true);
      expect(denied(await limiter().consume(freshKey('huge'), policy, 5))).toBe(60_000);
    });

    it('a denied attempt spends nothing', async () => {
      const key = freshKey('denied');
      const policy = { limit: 2, periodMs: 400 };
      await limiter().consume(key, policy, 2);
      for (let i = 0; i < 10; i += 1) await limiter().consume(key, policy);
      const wait = denied(await limiter().consume(key, policy));
      expect(wait).toBeLessThanOrEqual(400);
    });

    it('counts concurrent attempts exactly (atomic)', async () => {
      const key = freshKey('race');
      const policy = { limit: 10, periodMs: 60_000 };
      const decisions = await Promise.all(Array.from({ length: 30 }, () => limiter().consume(key, policy)));
      expect(decisions.filter((decision) => decision.allowed)).toHaveLength(10);
    });

    it('lets free failures pass, then bars the key for growing delays', async () => {
      const key = freshKey('fail');
      expect(await limiter().recordFailure(key, BACKOFF)).toEqual({ allowed: true });
      expect(await limiter().recordFailure(key, BACKOFF)).toEqual({ allowed: true });
      expect(await limiter().checkBackoff(key)).toEqual({ allowed: true });
      const first = denied(await limiter().recordFailure(key, BACKOFF));
      expect(first).toBe(150);
      expect(denied(await limiter().checkBackoff(key))).toBeLessThanOrEqual(150);
      expect(denied(await limiter().recordFailure(key, BACKOFF))).toBe(300);
      expect(denied(await limiter().recordFailure(key, BACKOFF))).toBe(500);
      expect(denied(await limiter().recordFailure(key, BACKOFF))).toBe(500);
    });

    it('opens again once the delay has passed', async () => {
      const key = freshKey('wait');
      const policy = { ...BACKOFF, freeFailures: 0, baseDelayMs: 200 };
      const wait = denied(await limiter().recordFailure(key, policy));
      await sleep(wait + 30);
      expect(await limiter().checkBackoff(key)).toEqual({ allowed: true });
    });

    it('forgets failures on reset, and keeps backoff keys apart from rate keys', async () => {
      const key = freshKey('reset');
      const policy = { ...BACKOFF, freeFailures: 0 };
      await limiter().recordFailure(key, policy);
      expect((await limiter().checkBackoff(key)).allowed).toBe(false);
      expect((await limiter().consume(key, { limit: 1, periodMs: 60_000 })).allowed).toBe(true);
      await limiter().resetBackoff(key);
      await limiter().resetBackoff(key);
      expect(await limiter().checkBackoff(key)).toEqual({ allowed: true });
      expect(denied(await limiter().recordFailure(key, policy))).toBe(150);
    });
  });
};
