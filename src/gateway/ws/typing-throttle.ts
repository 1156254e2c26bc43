/** At most one typing notice per user and conversation is forwarded every this many ms. */
export const TYPING_INTERVAL_MS = 2_000;

/** Entries kept before expired ones are swept. */
const SWEEP_AT = 10_000;

/**
 * Which typing notices to forward: the first of each (user, conversation) and then one
 * every {@link TYPING_INTERVAL_MS}; the rest are dropped. Per gateway, in memory: a user
 * typing on two devices behind two gateways may be forwarded twice as often.
 */
export class TypingThrottle {
  private readonly lastForwarded = new Map<string, number>();

  constructor(private readonly now: () => number = Date.now) {}

  /** True when this notice is to be forwarded (and counts it). */
  admit(userId: number, conversation: string): boolean {
    const key = `${userId}|${conversation}`;
    const now = this.now();
    const last = this.lastForwarded.get(key);
    if (last !== undefined && now - last < TYPING_INTERVAL_MS) return false;
    if (this.lastForwarded.size >= SWEEP_AT) this.sweep(now);
    this.lastForwarded.set(key, now);
    return true;
  }

  private sweep(now: number): void {
    for (const [key, at] of this.lastForwarded) if (now - at >= TYPING_INTERVAL_MS) this.lastForwarded.delete(key);
  }
}
