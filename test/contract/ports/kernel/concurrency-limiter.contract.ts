import { setTimeout as sleep } from 'node:timers/promises';
import type { ConcurrencyLimiter } from '@chatterroom/kernel';

export interface ConcurrencyLimiterSubject {
  readonly limiter: ConcurrencyLimiter;
  close(): Promise<void>;
}

const freshKey = (): string => `slots:${Date.now().toString(36)}${Math.random().toString(36).slice(2)}`;
const LEASE = 60_000;

/** The {@link ConcurrencyLimiter} contract, run against every adapter, on fresh keys. */
export const describeConcurrencyLimiterContract = (name: string, makeSubject: () => Promise<ConcurrencyLimiterSubject>): void => {
  describe(`ConcurrencyLimiter contract: ${name}`, () => {
    let subject: ConcurrencyLimiterSubject;
    const limiter = (): ConcurrencyLimiter => subject.limiter;

    beforeAll(async () => {
      subject = await makeSubject();
    });
    afterAll(async () => {
      await subject.close();
    });

    it('hands out `limit` slots, then refuses; a released slot can be taken again', async () => {
      const key = freshKey();
      expect(await limiter().acquire(key, 'a', 2, LEASE)).toBe(true);
      expect(await limiter().acquire(key, 'b', 2, LEASE)).toBe(true);
      expect(await limiter().acquire(key, 'c', 2, LEASE)).toBe(false);
      await limiter().release(key, 'a');
      await limiter().release(key, 'a');
      expect(await limiter().acquire(key, 'c', 2, LEASE)).toBe(true);
      expect(await limiter().acquire(key, 'd', 2, LEASE)).toBe(false);
    });

    it('is idempotent per holder and keeps keys apart', async () => {
      const [key, other] = [freshKey(), freshKey()];
      expect(await limiter().acquire(key, 'a', 1, LEASE)).toBe(true);
      expect(await limiter().acquire(key, 'a', 1, LEASE)).toBe(true);
      expect(await limiter().acquire(other, 'b', 1, LEASE)).toBe(true);
    });

    it('counts concurrent acquisitions exactly (atomic)', async () => {
      const key = freshKey();
      const taken = await Promise.all(Array.from({ length: 20 }, (_, i) => limiter().acquire(key, `h${i}`, 5, LEASE)));
      expect(taken.filter(Boolean)).toHaveLength(5);
    });

    it('frees a lease that lapsed, but not one that was renewed', async () => {
      const key = freshKey();
      expect(await limiter().acquire(key, 'kept', 2, 300)).toBe(true);
      expect(await limiter().acquire(key, 'lapsed', 2, 300)).toBe(true);
      await sleep(150);
      await limiter().renew(key, 'kept', 60_000);
      await sleep(250);
      expect(await limiter().acquire(key, 'new', 2, LEASE)).toBe(true);
      expect(await limiter().acquire(key, 'another', 2, LEASE)).toBe(false);
    });

    it('renewing a slot one does not hold takes nothing', async () => {
      const key = freshKey();
      await limiter().renew(key, 'ghost', LEASE);
      expect(await limiter().acquire(key, 'a', 1, LEASE)).toBe(true);
    });
  });
};
