import { matchesEventType } from '../event-type-matcher';
import type { Logger } from '../logger.port';
import type { Letter, Mailbox } from './in-memory-mailbox';

interface Group {
  readonly members: Mailbox[];
  next: number;
  /** Every type pattern a member ever subscribed: like the bindings of a broker queue. */
  readonly patterns: Set<string>;
  /** Events kept while the group has no member, as a durable broker queue keeps them. */
  readonly waiting: Letter[];
}

/**
 * The "broker" that InMemoryEventBus handles share: it routes each published letter to
 * every broadcast mailbox and to one matching member of each group, round-robin. A group
 * lives from its first member on and, while it has no member, keeps the events its
 * members subscribed to.
 */
export class InMemoryEventHub {
  private readonly broadcasts = new Set<Mailbox>();
  private readonly groups = new Map<string, Group>();

  constructor(private readonly deps: { logger: Logger }) {}

  route(letter: Letter): void {
    for (const mailbox of this.broadcasts) {
      if (mailbox.accepts(letter.type)) mailbox.post(letter);
    }
    for (const group of this.groups.values()) this.postToGroup(group, letter);
  }

  join(mailbox: Mailbox): void {
    const { delivery } = mailbox.subscription;
    if (delivery.mode === 'broadcast') {
      this.broadcasts.add(mailbox);
      return;
    }
    const group = this.groups.get(delivery.group) ?? { members: [], next: 0, patterns: new Set<string>(), waiting: [] };
    this.groups.set(delivery.group, group);
    group.members.push(mailbox);
    for (const pattern of mailbox.subscription.types) group.patterns.add(pattern);
    for (const letter of group.waiting.splice(0)) this.postToGroup(group, letter);
  }

  leave(mailbox: Mailbox): void {
    this.broadcasts.delete(mailbox);
    for (const group of this.groups.values()) {
      const index = group.members.indexOf(mailbox);
      if (index >= 0) group.members.splice(index, 1);
    }
  }

  /** The first failure of a letter sends it round once more; the second drops it. */
  failed(mailbox: Mailbox, letter: Letter, error: unknown): void {
    const context = { err: error, eventId: letter.id, eventType: letter.type };
    if (letter.attempt > 1) {
      this.deps.logger.error(context, 'Event handler failed twice; event dropped');
      return;
    }
    this.deps.logger.warn(context, 'Event handler failed; delivering the event once more');
    const retry: Letter = { ...letter, attempt: letter.attempt + 1 };
    const { delivery } = mailbox.subscription;
    const group = delivery.mode === 'group' ? this.groups.get(delivery.group) : undefined;
    if (group) this.postToGroup(group, retry);
    else mailbox.post(retry);
  }

  private postToGroup(group: Group, letter: Letter): void {
    if (![...group.patterns].some((pattern) => matchesEventType(pattern, letter.type))) return;
    const count = group.members.length;
    if (count === 0) {
      group.waiting.push(letter);
      return;
    }
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
}
