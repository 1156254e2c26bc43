import { validationFailed } from '../domain-error';
import type { EventBus, EventHandler, Subscription } from '../event-bus.port';
import { matchesEventType } from '../event-type-matcher';
import type { IntegrationEvent } from '../integration-event';
import type { Logger } from '../logger.port';

/**
 * The EventBus of a single process. It behaves like the broker rather than like a
 * function call, so the monolith shows the races RabbitMQ would: every event is
 * serialized to JSON on publish and each delivery gets its own parsed copy, later
 * (setImmediate), never inside `publish`. Each subscriber has a FIFO mailbox handled one
 * event at a time, which keeps publish order. A `group` hands each event to one of its
 * matching subscribers, round-robin; `broadcast` gives every subscriber a copy. A failed
 * handler gets the event once more (through its group again, like a broker requeue),
 * then it is logged and dropped. There is one hub per instance: handles that must meet
 * (the "processes" of a test) share the same instance.
 */
export class InMemoryEventBus implements EventBus {
  private readonly broadcasts: Mailbox[] = [];
  private readonly groups = new Map<string, { members: Mailbox[]; next: number }>();
  private closed = false;

  constructor(private readonly deps: { logger: Logger }) {}

  async publish(event: IntegrationEvent): Promise<void> {
    if (this.closed) throw new Error('The event bus is closed');
    if (!isNonEmptyString(event?.id) || !isNonEmptyString(event.type)) {
      throw validationFailed('An integration event needs a non-empty id and type');
    }
    const letter: Letter = { json: JSON.stringify(event), id: event.id, type: event.type, attempt: 1 };
    for (const mailbox of this.broadcasts) {
      if (mailbox.accepts(event.type)) mailbox.post(letter);
    }
    for (const group of this.groups.keys()) this.postToGroup(group, letter);
  }

  async subscribe(subscription: Subscription, handler: EventHandler): Promise<void> {
    assertValidSubscription(subscription);
    if (this.closed) throw new Error('The event bus is closed');
    const { delivery } = subscription;
    const mailbox = new Mailbox(subscription, handler, (letter, error) => this.failed(mailbox, letter, error));
    if (delivery.mode === 'broadcast') {
      this.broadcasts.push(mailbox);
      return;
    }
    const group = this.groups.get(delivery.group) ?? { members: [], next: 0 };
    group.members.push(mailbox);
    this.groups.set(delivery.group, group);
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const mailbox of [...this.broadcasts, ...[...this.groups.values()].flatMap((group) => group.members)]) {
      mailbox.close();
    }
    this.broadcasts.length = 0;
    this.groups.clear();
  }

  private postToGroup(name: string, letter: Letter): void {
    const group = this.groups.get(name);
    if (!group) return;
    const count = group.members.length;
    for (let step = 0; step < count; step += 1) {
      const index = (group.next + step) % count;
      const member = group.members[index];
      if (member?.accepts(letter.type)) {
        group.next = (index + 1) % count;
        member.post(letter);
        return;
      }
    }
  }

  private failed(mailbox: Mailbox, letter: Letter, error: unknown): void {
    const context = { err: error, eventId: letter.id, eventType: letter.type };
    if (letter.attempt > 1 || this.closed) {
      this.deps.logger.error(context, 'Event handler failed twice; event dropped');
      return;
    }
    this.deps.logger.warn(context, 'Event handler failed; delivering the event once more');
    const retry: Letter = { ...letter, attempt: 2 };
    const { delivery } = mailbox.subscription;
    if (delivery.mode === 'group') this.postToGroup(delivery.group, retry);
    else mailbox.post(retry);
  }
}

interface Letter {
  readonly json: string;
  readonly id: string;
  readonly type: string;
  readonly attempt: number;
}

/** One subscriber's FIFO queue, drained one event at a time outside the publisher's call. */
class Mailbox {
  private readonly letters: Letter[] = [];
  private draining = false;
  private open = true;

  constructor(
    readonly subscription: Subscription,
    private readonly handler: EventHandler,
    private readonly onFailure: (letter: Letter, error: unknown) => void,
  ) {}

  accepts(type: string): boolean {
    return this.subscription.types.some((pattern) => matchesEventType(pattern, type));
  }

  post(letter: Letter): void {
    if (!this.open) return;
    this.letters.push(letter);
    if (this.draining) return;
    this.draining = true;
    setImmediate(() => void this.drain());
  }

  close(): void {
    this.open = false;
    this.letters.length = 0;
  }

  private async drain(): Promise<void> {
    for (let letter = this.letters.shift(); letter && this.open; letter = this.letters.shift()) {
      try {
        await this.handler(JSON.parse(letter.json) as IntegrationEvent);
      } catch (error) {
        this.onFailure(letter, error);
      }
    }
    this.draining = false;
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
