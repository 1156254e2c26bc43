import type { EventBus, EventHandler, IntegrationEvent, Logger, Subscription } from '@chatterroom/kernel';
import { BUS_PORT, subscriptionKey } from './ipc-messages';
import type { IpcPortClient } from './ipc-port-client';

/**
 * The EventBus of a socket process: the in-process bus of the modules' process, reached over
 * IPC. A `broadcast` subscription gets a copy of every matching event, in publish order,
 * handled one at a time (a failed handler gets it once more, then it is logged and dropped);
 * nothing is kept while the process is away, as with a broker's broadcast queue. Socket
 * processes only push to their own sockets, so `group` delivery is refused.
 */
export class IpcEventBus implements EventBus {
  private closed = false;

  constructor(private readonly deps: { ipcPortClient: IpcPortClient; logger: Logger }) {}

  async publish(event: IntegrationEvent): Promise<void> {
    if (this.closed) throw new Error('The event bus is closed');
    await this.deps.ipcPortClient.call(BUS_PORT, 'publishEvent', [event]);
  }

  async subscribe(subscription: Subscription, handler: EventHandler): Promise<void> {
    if (this.closed) throw new Error('The event bus is closed');
    if (subscription.delivery.mode !== 'broadcast') throw new Error('A socket process subscribes to broadcast deliveries only');
    const key = subscriptionKey(subscription.types);
    let chain = Promise.resolve();
    this.deps.ipcPortClient.onEvents(key, (event) => {
      chain = chain.then(() => this.handle(handler, event));
    });
    await this.deps.ipcPortClient.call(BUS_PORT, 'subscribeEvents', [subscription.types]);
  }

  async close(): Promise<void> {
    this.closed = true;
  }

  private async handle(handler: EventHandler, event: IntegrationEvent): Promise<void> {
    if (this.closed) return;
    try {
      await handler(event);
    } catch {
      try {
        await handler(event);
      } catch (error) {
        this.deps.logger.error({ err: error, eventId: event.id, type: event.type }, 'event handler failed twice: event dropped');
      }
    }
  }
}
