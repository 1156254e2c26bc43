import type { Clock } from '../clock.port';
import type { SignalThrottle } from '../signal-throttle.port';

/** Entries kept before expired ones are swept. */
const SWEEP_AT = 10_000;

/** {@link SignalThrottle} in one process (the monolith): the time each key was last let through, swept as it grows. */
export class InMemorySignalThrottle implements SignalThrottle {
  private readonly openAt = new Map<string, number>();

  constructor(private readonly deps: { clock: Clock }) {}

  async admit(key: string, intervalMs: number): Promise<boolean> {
    const now = this.deps.clock.now().getTime();
    const next = this.openAt.get(key);
    if (next !== undefined && now < next) return false;
    if (this.openAt.size >= SWEEP_AT) this.sweep(now);
    this.openAt.set(key, now + intervalMs);
    return true;
  }

  private sweep(now: number): void {
    for (const [key, next] of this.openAt) if (now >= next) this.openAt.delete(key);
  }
}
