import type { Logger } from '../logger.port';
import type { Signal, SignalBus, SignalHandler } from '../signal-bus.port';

/** {@link SignalBus} within one process (the monolith): handlers run on a later tick, never during publish. */
export class InMemorySignalBus implements SignalBus {
  private handlers: SignalHandler[] = [];

  constructor(private readonly deps: { logger: Logger }) {}

  async publish(signal: Signal): Promise<void> {
    const handlers = this.handlers;
    setImmediate(() => {
      for (const handler of handlers) {
        try {
          handler(signal);
        } catch (error) {
          this.deps.logger.error({ err: error, signal: signal.type }, 'signal handler failed');
        }
      }
    });
  }

  async subscribe(handler: SignalHandler): Promise<void> {
    this.handlers = [...this.handlers, handler];
  }

  async close(): Promise<void> {
    this.handlers = [];
  }
}
