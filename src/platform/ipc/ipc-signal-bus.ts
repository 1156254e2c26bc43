import type { Logger, Signal, SignalBus, SignalHandler } from '@chatterroom/kernel';
import { BUS_PORT } from './ipc-messages';
import type { IpcPortClient } from './ipc-port-client';

/** The SignalBus of a socket process: the modules' process's in-process signal bus, reached over IPC. */
export class IpcSignalBus implements SignalBus {
  private handlers: SignalHandler[] = [];
  private subscribed = false;

  constructor(private readonly deps: { ipcPortClient: IpcPortClient; logger: Logger }) {}

  async publish(signal: Signal): Promise<void> {
    try {
      await this.deps.ipcPortClient.call(BUS_PORT, 'publishSignal', [signal]);
    } catch (error) {
      this.deps.logger.warn({ err: error, signal: signal.type }, 'signal dropped');
    }
  }

  async subscribe(handler: SignalHandler): Promise<void> {
    this.handlers = [...this.handlers, handler];
    if (this.subscribed) return;
    this.subscribed = true;
    this.deps.ipcPortClient.onSignals((signal) => this.deliver(signal));
    await this.deps.ipcPortClient.call(BUS_PORT, 'subscribeSignals', []);
  }

  async close(): Promise<void> {
    this.handlers = [];
  }

  private deliver(signal: Signal): void {
    for (const handler of this.handlers) {
      try {
        handler(signal);
      } catch (error) {
        this.deps.logger.error({ err: error, signal: signal.type }, 'signal handler failed');
      }
    }
  }
}
