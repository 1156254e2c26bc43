import { randomUUID } from 'node:crypto';
import { RateLimitedError, type ConcurrencyLimiter, type Logger } from '../../../modules/kernel';

/** A slot lapses this long after it was last renewed, so slots of a gateway that died free themselves. */
export const SLOT_LEASE_MS = 120_000;
const RENEW_EVERY_MS = SLOT_LEASE_MS / 3;

/** A held slot: renewed in the background until released. */
export interface HeldSlot {
  release(): void;
}

/**
 * Concurrent /ws/chat sockets per user (`ws:user:<id>`), counted across every gateway that
 * shares the limiter. `take` runs before the upgrade, so a user at the limit gets HTTP 429.
 */
export class ConnectionSlots {
  constructor(
    private readonly limiter: ConcurrencyLimiter,
    private readonly perUser: number,
    private readonly logger: Logger,
  ) {}

  async take(userId: number): Promise<HeldSlot> {
    if (this.perUser <= 0) return { release: () => {} };
    const key = `ws:user:${userId}`;
    const holder = randomUUID();
    if (!(await this.limiter.acquire(key, holder, this.perUser, SLOT_LEASE_MS))) {
      throw new RateLimitedError(RENEW_EVERY_MS, `Too many open connections: at most ${this.perUser} per user`);
    }
    const timer = setInterval(() => void this.limiter.renew(key, holder, SLOT_LEASE_MS), RENEW_EVERY_MS);
    timer.unref();
    let released = false;
    return {
      release: () => {
        if (released) return;
        released = true;
        clearInterval(timer);
        this.limiter.release(key, holder).catch((error: unknown) => this.logger.warn({ err: error }, 'could not release a connection slot'));
      },
    };
  }
}
