import type { SignalThrottle } from '@chatterroom/kernel';
import { eventually } from '@chatterroom/test/harness/system/eventually';

export interface SignalThrottleSubject {
  readonly throttle: SignalThrottle;
  close(): Promise<void>;
}

const freshKey = (): string => `typing:${Math.random().toString(36).slice(2)}|room:${Date.now()}`;

/** Long enough that nothing in a test outlives it. */
const HOUR_MS = 3_600_000;

/** The {@link SignalThrottle} contract, run against every adapter (random keys: a shared store does not matter). */
export const describeSignalThrottleContract = (name: string, makeSubject: () => Promise<SignalThrottleSubject>): void => {
  describe(`SignalThrottle contract: ${name}`, () => {
    let subject: SignalThrottleSubject;
    const throttle = (): SignalThrottle => subject.throttle;
    beforeAll(async () => {
      subject = await makeSubject();
    });
    afterAll(() => subject.close());

    it('lets the first signal of a key through and holds the next ones within the interval', async () => {
      const key = freshKey();
      expect(await throttle().admit(key, HOUR_MS)).toBe(true);
      expect(await throttle().admit(key, HOUR_MS)).toBe(false);
      expect(await throttle().admit(key, HOUR_MS)).toBe(false);
    });

    it('counts keys apart', async () => {
      const [a, b] = [freshKey(), freshKey()];
      expect(await throttle().admit(a, HOUR_MS)).toBe(true);
      expect(await throttle().admit(b, HOUR_MS)).toBe(true);
      expect(await throttle().admit(a, HOUR_MS)).toBe(false);
    });

    it('lets exactly one of many concurrent signals of a key through', async () => {
      const key = freshKey();
      const admitted = await Promise.all(Array.from({ length: 25 }, () => throttle().admit(key, HOUR_MS)));
      expect(admitted.filter(Boolean)).toHaveLength(1);
    });

    it('lets a signal through again once the interval is over', async () => {
      const key = freshKey();
      expect(await throttle().admit(key, 20)).toBe(true);
      await eventually(async () => expect(await throttle().admit(key, 20)).toBe(true));
    });
  });
};
