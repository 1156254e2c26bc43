import type { Writable } from 'node:stream';

/**
 * Holds back what is written to socket transports while a batch of events is pushed, and
 * lets it all go on the next tick. A socket that gets frames from several events handled
 * in the same turn of the event loop then gets them in one write system call (writev)
 * instead of one per frame: on loopback and on busy gateways that call, not JSON or
 * application code, is most of the cost of a delivery. Frames, their order and the
 * socket they go to are unchanged; only the moment they reach the kernel moves, by at
 * most the rest of the current tick.
 */
export class WriteCoalescer {
  private readonly held = new Set<Writable>();

  /** Corks `transport` until the next tick (once per tick however often it is held); undefined is ignored. */
  hold(transport: Writable | undefined): void {
    if (transport === undefined || this.held.has(transport) || transport.destroyed) return;
    if (this.held.size === 0) process.nextTick(this.release);
    transport.cork();
    this.held.add(transport);
  }

  /** Forgets every hold first, so one broken transport can never keep the others (or later ticks) held. */
  private readonly release = (): void => {
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
