import type { EventBus, IntegrationEvent, Logger } from '@chatterroom/kernel';
import type { ConnectionRegistry } from './connection-registry';
import { pushesDelivered } from '../metrics/gateway-metrics';
import { pushOf } from './event-pushes';
import { OutgoingText } from './outgoing-text';
import { RecentIds } from './recent-ids';
import { sendText } from './socket-sender';
import { WriteCoalescer } from './write-coalescer';

/** Every gateway instance gets its own copy of every chat event, for its own sockets. */
export const CHAT_EVENTS_SUBSCRIPTION = { types: ['chat.*'], delivery: { mode: 'broadcast' } } as const;

/** Something else on this gateway fed by the same chat events (GraphQL subscriptions). */
export type ChatEventListener = (event: IntegrationEvent) => void;

/**
 * Pushes chat events to the local sockets of the users in each event's `audience`
 * (every socket of each of them), once per event id even when the bus redelivers,
 * and hands each event, once, to the other local listeners. A socket's frames go through its
 * SocketFeed, which holds them during a replay and drops one it already sent. When the bus
 * resumes after losing its connection (a broadcast queue misses what was published meanwhile),
 * every socket catches up from the cursor of its last event.
 */
export class ChatEventFanOut {
  private readonly seen = new RecentIds();
  private readonly writes = new WriteCoalescer();
  private stopped = false;

  constructor(
    private readonly deps: {
      eventBus: EventBus;
      connections: ConnectionRegistry;
      logger: Logger;
      listeners?: readonly ChatEventListener[];
    },
  ) {}

  /** Resolves once the subscription is active. */
  async start(): Promise<void> {
    await this.deps.eventBus.subscribe({ ...CHAT_EVENTS_SUBSCRIPTION, onResumed: () => this.catchUp() }, async (event) => this.deliver(event));
  }

  /** The bus has no unsubscribe: after stop, events are ignored. */
  stop(): void {
    this.stopped = true;
  }

  /** Every local socket replays what it may have missed. */
  catchUp(): void {
    if (this.stopped) return;
    this.deps.logger.info({ sockets: this.deps.connections.userCount }, 'chat events resumed: sockets catch up from their last cursor');
    for (const feed of this.deps.connections.allFeeds()) {
      feed.catchUp().catch((error: unknown) => this.deps.logger.warn({ err: error }, 'a socket could not catch up'));
    }
  }

  deliver(event: IntegrationEvent): void {
    if (this.stopped || !this.seen.addIfNew(event.id)) return;
    for (const listener of this.deps.listeners ?? []) this.notify(listener, event);
    const push = pushOf(event);
    if (push === undefined) {
      this.deps.logger.debug({ eventId: event.id, type: event.type }, 'chat event not pushed to clients');
      return;
    }
    const frame = OutgoingText.of(push.frame);
    const { connections, logger } = this.deps;
    let pushed = 0;
    for (const userId of push.audience) {
      for (const socket of connections.socketsOf(userId)) {
        const transport = connections.transportOf(socket);
        this.writes.hold(transport);
        const feed = connections.feedOf(socket);
        if (feed === undefined) sendText(socket, frame, logger, transport);
        else feed.offer(event.id, event.cursor, frame, transport);
        pushed += 1;
      }
    }
    if (pushed > 0) pushesDelivered.inc({ type: String(push.frame.type) }, pushed);
  }

  private notify(listener: ChatEventListener, event: IntegrationEvent): void {
    try {
      listener(event);
    } catch (error) {
      this.deps.logger.error({ err: error, eventId: event.id }, 'chat event listener failed');
    }
  }
}
