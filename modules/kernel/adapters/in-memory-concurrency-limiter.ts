import { systemClock, type Clock } from '../clock.port';
import type { ConcurrencyLimiter } from '../limits';

/**
 * {@link ConcurrencyLimiter} in this process's memory (the monolith): per key, a Map from
 * holder to the lease's end; lapsed leases are dropped whenever the key is touched.
 */
export class InMemoryConcurrencyLimiter implements ConcurrencyLimiter {
  private readonly slots = new Map<string, Map<string, number>>();
  private readonly clock: Clock;

  constructor(deps: { clock?: Clock } = {}) {
    this.clock = deps.clock ?? systemClock;
  }

  async acquire(key: string, holder: string, limit: number, leaseMs: number): Promise<boolean> {
    const now = this.clock.now().getTime();
    const leases = this.liveLeases(key, now);
    if (!leases.has(holder) && leases.size >= limit) return false;
    leases.set(holder, now + leaseMs);
    this.slots.set(key, leases);
    return true;
  }

  async renew(key: string, holder: string, leaseMs: number): Promise<void> {
    const leases = this.slots.get(key);
    if (leases?.has(holder)) leases.set(holder, this.clock.now().getTime() + leaseMs);
  }

  async release(key: string, holder: string): Promise<void> {
    const leases = this.slots.get(key);
    leases?.delete(holder);
    if (leases?.size === 0) this.slots.delete(key);
  }

  private liveLeases(key: string, now: number): Map<string, number> {
    const leases = this.slots.get(key) ?? new Map<string, number>();
    for (const [holder, end] of leases) if (end <= now) leases.delete(holder);
    return leases;
  }
}
