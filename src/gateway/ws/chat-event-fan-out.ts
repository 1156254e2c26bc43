import type { EventBus, IntegrationEvent, Logger } from '../../../modules/kernel';
import type { ConnectionRegistry } from './connection-registry';
import { pushOf } from './event-pushes';
import { RecentIds } from './recent-ids';
import { sendText } from './socket-sender';

/** Every gateway instance gets its own copy of every chat event, for its own sockets. */
export const CHAT_EVENTS_SUBSCRIPTION = { types: ['chat.*'], delivery: { mode: 'broadcast' } } as const;

/**
 * Pushes chat events to the local sockets of the users in each event's `audience`
 * (every socket of each of them), once per event id even when the bus redelivers.
 */
export class ChatEventFanOut {
  private readonly seen = new RecentIds();
  private stopped = false;

  constructor(private readonly deps: { eventBus: EventBus; connections: ConnectionRegistry; logger: Logger }) {}

  /** Resolves once the subscription is active. */
  async start(): Promise<void> {
    await this.deps.eventBus.subscribe(CHAT_EVENTS_SUBSCRIPTION, async (event) => this.deliver(event));
  }

  /** The bus has no unsubscribe: after stop, events are ignored. */
  stop(): void {
    this.stopped = true;
  }

  deliver(event: IntegrationEvent): void {
    if (this.stopped || !this.seen.addIfNew(event.id)) return;
    const push = pushOf(event);
    if (push === undefined) {
      this.deps.logger.debug({ eventId: event.id, type: event.type }, 'chat event not pushed to clients');
      return;
    }
    const text = JSON.stringify(push.frame);
    for (const userId of push.audience) {
      for (const socket of this.deps.connections.socketsOf(userId)) sendText(socket, text, this.deps.logger);
    }
  }
}
