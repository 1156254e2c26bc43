import type { IntegrationEvent } from './integration-event';

/** Handles one event; a rejected promise asks the bus to redeliver it once. */
export type EventHandler = (event: IntegrationEvent) => Promise<void>;

/**
 * How copies of an event reach subscribers.
 * - `group`: competing consumers; each event goes to one subscriber among those that
 *   share `group` (across processes), and survives while nobody is listening.
 * - `broadcast`: every subscribing instance gets its own copy while it is connected
 *   (a gateway pushing to its own sockets); nothing is kept for absent instances.
 */
export type Delivery = { readonly mode: 'group'; readonly group: string } | { readonly mode: 'broadcast' };

export interface Subscription {
  /** Event types to receive: exact names (`chat.message-posted.v1`) or a module prefix (`chat.*`). */
  readonly types: readonly string[];
  readonly delivery: Delivery;
  /**
   * Called when deliveries resume after the bus lost its connection to the broker: a
   * `broadcast` subscription may have missed what was published meanwhile, and can catch up
   * from elsewhere. Never called for the first start.
   */
  readonly onResumed?: () => void;
}

/** Publishes integration events and delivers them to subscribers. */
export interface EventBus {
  /**
   * Publishes one event. Resolves once the bus has accepted it durably (a broker
   * confirm); rejects when it could not, so the caller may report the failure.
   * Publishing the same event id twice delivers it twice: handlers de-duplicate.
   */
  publish(event: IntegrationEvent): Promise<void>;

  /**
   * Starts delivering matching events to `handler`, asynchronously and at least once,
   * in publish order per publisher. Resolves once the subscription is active: events
   * published after that reach it. A handler that throws gets the event once more;
   * a second failure drops it (logged). Never delivers during the `publish` call itself.
   */
  subscribe(subscription: Subscription, handler: EventHandler): Promise<void>;

  /** Stops delivering and releases connections. Idempotent. */
  close(): Promise<void>;
}
