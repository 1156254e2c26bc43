import type { Writable } from 'node:stream';
import { performance } from 'node:perf_hooks';

/**
 * The least time between two releases while pushes keep coming (ms). Under load, each
 * socket then gets the frames of several event-loop turns in one write system call; when
 * pushes are further apart than this, a release is not delayed at all.
 */
export const DEFAULT_RELEASE_INTERVAL_MS = 4;

export interface WriteCoalescerOptions {
  /** See {@link DEFAULT_RELEASE_INTERVAL_MS}; 0 releases on the next tick every time. */
  readonly releaseIntervalMs?: number;
  /** Milliseconds on a monotonic clock (tests pass their own). */
  readonly now?: () => number;
}

/**
 * Holds back what is written to socket transports while events are pushed, and lets it all
 * go at once: on the next tick, or, when the last release was less than the release interval
 * ago (pushes keep coming: the gateway is busy), once that interval has passed since it. A
 * socket that gets frames from several events meanwhile then gets them in one write system
 * call (writev) instead of one per frame or per turn: on loopback and on busy gateways that
 * call, not JSON or application code, is most of the cost of a delivery. Frames, their order
 * and the socket they go to are unchanged (every write to a held transport, the gateway's own
 * and `ws`'s, waits in the same stream); only the moment they reach the kernel moves, by at
 * most the release interval.
 */
export class WriteCoalescer {
  private readonly held = new Set<Writable>();
  private readonly intervalMs: number;
  private readonly now: () => number;
  private lastRelease = Number.NEGATIVE_INFINITY;

  constructor(options: WriteCoalescerOptions = {}) {
    this.intervalMs = options.releaseIntervalMs ?? DEFAULT_RELEASE_INTERVAL_MS;
    this.now = options.now ?? (() => performance.now());
  }

  /** Corks `transport` until the next release (once however often it is held); undefined is ignored. */
  hold(transport: Writable | undefined): void {
    if (transport === undefined || this.held.has(transport) || transport.destroyed) return;
    if (this.held.size === 0) this.schedule();
    transport.cork();
    this.held.add(transport);
  }

  private schedule(): void {
    const wait = this.lastRelease + this.intervalMs - this.now();
    if (wait > 0) setTimeout(this.release, wait);
    else process.nextTick(this.release);
  }

  /** Forgets every hold first, so one broken transport can never keep the others (or later releases) held. */
  private readonly release = (): void => {
    this.lastRelease = this.now();
    const transports = [...this.held];
    this.held.clear();
    for (const transport of transports) {
      try {
        transport.uncork();
      } catch {
        // A transport that fails here fails its own socket too (error, then close); the rest go on.
      }
    }
  };
}
