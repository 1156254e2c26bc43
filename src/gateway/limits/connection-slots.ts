import { randomUUID } from 'node:crypto';
import { RateLimitedError, type ConcurrencyLimiter, type Logger } from '@chatterroom/kernel';

/** A slot lapses this long after it was last renewed, so slots of a gateway that died free themselves. */
export const SLOT_LEASE_MS = 120_000;
const RENEW_EVERY_MS = SLOT_LEASE_MS / 3;

/** A held slot: renewed in the background until released. */
export interface HeldSlot {
  release(): void;
}

/** Nothing to release: the limit is off. */
const NO_SLOT: HeldSlot = { release: () => undefined };

/** One socket's slot: its lease's key and holder, renewed with every other held slot. */
class LeasedSlot implements HeldSlot {
  constructor(
    private readonly slots: ConnectionSlots,
    readonly key: string,
    readonly holder: string,
  ) {}

  release(): void {
    this.slots.free(this);
  }
}

/**
 * Concurrent /ws/chat sockets per user (`ws:user:<id>`), counted across every gateway that
 * shares the limiter. `take` runs before the upgrade, so a user at the limit gets HTTP 429.
 * One timer renews every slot held here (not one timer per socket), well within the lease.
 */
export class ConnectionSlots {
  private readonly held = new Set<LeasedSlot>();
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly limiter: ConcurrencyLimiter,
    private readonly perUser: number,
    private readonly logger: Logger,
  ) {}

  async take(userId: number): Promise<HeldSlot> {
    if (this.perUser <= 0) return NO_SLOT;
    const key = `ws:user:${userId}`;
    const holder = randomUUID();
    if (!(await this.limiter.acquire(key, holder, this.perUser, SLOT_LEASE_MS))) {
      throw new RateLimitedError(RENEW_EVERY_MS, `Too many open connections: at most ${this.perUser} per user`);
    }
    const slot = new LeasedSlot(this, key, holder);
    this.held.add(slot);
    if (this.timer === undefined) {
      this.timer = setInterval(() => this.renewAll(), RENEW_EVERY_MS);
      this.timer.unref();
    }
    return slot;
  }

  /** Gives `slot` back (idempotent). */
  free(slot: LeasedSlot): void {
    if (!this.held.delete(slot)) return;
    if (this.held.size === 0) {
      clearInterval(this.timer);
      this.timer = undefined;
    }
    this.limiter.release(slot.key, slot.holder).catch((error: unknown) => this.logger.warn({ err: error }, 'could not release a connection slot'));
  }

  private renewAll(): void {
    for (const slot of this.held) {
      this.limiter.renew(slot.key, slot.holder, SLOT_LEASE_MS).catch((error: unknown) => this.logger.warn({ err: error }, 'could not renew a connection slot'));
    }
  }
}
