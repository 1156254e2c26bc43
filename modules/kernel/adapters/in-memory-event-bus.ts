import { validationFailed } from '../domain-error';
import type { EventBus, EventHandler, Subscription } from '../event-bus.port';
import type { IntegrationEvent } from '../integration-event';
import type { Logger } from '../logger.port';
import { InMemoryEventHub } from './in-memory-event-hub';
import { Mailbox, type Letter } from './in-memory-mailbox';

/**
 * The EventBus of a single process. It behaves like the broker rather than like a
 * function call, so the monolith shows the races RabbitMQ would: every event is
 * serialized to JSON on publish and each delivery parses its own copy, later
 * (setImmediate), never inside `publish`. Each subscription has a FIFO mailbox handled
 * one event at a time, which keeps publish order. A `group` hands each event to one
 * matching member, round-robin; `broadcast` gives every subscription a copy. A failed
 * handler gets the event once more (through its group again, like a broker requeue),
 * then it is logged and dropped. Each instance is one "process": instances built on the
 * same InMemoryEventHub reach each other like processes sharing a broker; by default an
 * instance has a hub of its own. (The hub is a second argument, not a `deps` key, so an
 * awilix cradle never has to know about it.)
 */
export class InMemoryEventBus implements EventBus {
  private readonly hub: InMemoryEventHub;
  private readonly mailboxes = new Set<Mailbox>();
  private closed = false;

  constructor(deps: { logger: Logger }, hub?: InMemoryEventHub) {
    this.hub = hub ?? new InMemoryEventHub({ logger: deps.logger });
  }

  async publish(event: IntegrationEvent): Promise<void> {
    if (this.closed) throw new Error('The event bus is closed');
    if (!isNonEmptyString(event?.id) || !isNonEmptyString(event.type)) {
      throw validationFailed('An integration event needs a non-empty id and type');
    }
    const letter: Letter = { json: JSON.stringify(event), id: event.id, type: event.type, attempt: 1 };
    this.hub.route(letter);
  }

  async subscribe(subscription: Subscription, handler: EventHandler): Promise<void> {
    assertValidSubscription(subscription);
    if (this.closed) throw new Error('The event bus is closed');
    const mailbox = new Mailbox(subscription, handler, (from, letter, error) => this.hub.failed(from, letter, error));
    this.mailboxes.add(mailbox);
    this.hub.join(mailbox);
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const mailbox of this.mailboxes) {
      this.hub.leave(mailbox);
      mailbox.close();
    }
    this.mailboxes.clear();
  }
}

const TYPE_PATTERN = /^[\w-]+(\.[\w-]+)*(\.\*)?$/;
const GROUP_NAME = /^[\w.-]{1,200}$/;

const isNonEmptyString = (value: unknown): value is string => typeof value === 'string' && value.length > 0;

const assertValidSubscription = ({ types, delivery }: Subscription): void => {
  if (!Array.isArray(types) || types.length === 0) throw validationFailed('A subscription needs at least one event type');
  const bad = types.find((type) => typeof type !== 'string' || !TYPE_PATTERN.test(type));
  if (bad !== undefined) throw validationFailed(`Not an event type or module prefix: ${String(bad)}`);
  if (delivery?.mode === 'broadcast') return;
  if (delivery?.mode !== 'group' || !GROUP_NAME.test(delivery.group)) {
    throw validationFailed('delivery must be broadcast, or group with a name of letters, digits, ".", "_" or "-"');
  }
};
