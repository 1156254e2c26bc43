import type { ChatEventDraft, ChatEventLog, LoggedChatEvent } from '../../ports';
import { MembershipSpans, type NamedRoomEvent } from '../../domain/membership-spans';

interface Entry {
  readonly event: LoggedChatEvent;
  published: boolean;
}

/**
 * {@link ChatEventLog} in process memory: an array in position order (positions are given at
 * `record`, one process being the only writer), a map by id, and per user the room events that
 * name them (where their memberships change). `recordNow` is the synchronous
 * form the in-memory message store calls inside its own append, so both happen together.
 */
export class InMemoryChatEventLog implements ChatEventLog {
  private readonly entries: Entry[] = [];
  private readonly byId = new Map<string, Entry>();
  private readonly namedIn = new Map<number, NamedRoomEvent[]>();
  private last = 0;
  /** Every entry before this index is published: the relay's reads start here, not at the oldest entry. */
  private firstUnpublished = 0;

  async record(event: ChatEventDraft): Promise<void> {
    this.recordNow(event);
  }

  recordNow(event: ChatEventDraft): void {
    if (this.byId.has(event.id)) return;
    this.last += 1;
    const entry: Entry = { event: Object.freeze({ ...event, audience: [...event.audience], position: this.last }), published: false };
    this.entries.push(entry);
    this.byId.set(event.id, entry);
    if (event.roomId === undefined) return;
    for (const userId of event.audience) {
      const named = this.namedIn.get(userId) ?? [];
      named.push({ position: this.last, roomId: event.roomId, ...(event.membership === undefined ? {} : { membership: event.membership }) });
      this.namedIn.set(userId, named);
    }
  }

  /** The event as kept, by id (what tests inspect); undefined when unknown or pruned. */
  kept(id: string): LoggedChatEvent | undefined {
    return this.byId.get(id)?.event;
  }

  /** One process holds this log: nothing else records into it. */
  othersMayHaveRecorded(): void {}

  async nextToPublish(limit: number): Promise<LoggedChatEvent[]> {
    while (this.entries[this.firstUnpublished]?.published === true) this.firstUnpublished += 1;
    const found: LoggedChatEvent[] = [];
    for (let index = this.firstUnpublished; index < this.entries.length && found.length < limit; index += 1) {
      const entry = this.entries[index] as Entry;
      if (!entry.published) found.push(entry.event);
    }
    return found;
  }

  async markPublished(ids: readonly string[]): Promise<void> {
    for (const id of ids) {
      const entry = this.byId.get(id);
      if (entry !== undefined) entry.published = true;
    }
  }

  async readFor(userId: number, after: number, limit: number, rooms: readonly number[]): Promise<LoggedChatEvent[]> {
    const spans = new MembershipSpans((this.namedIn.get(userId) ?? []).filter((named) => named.position > after), rooms);
    const found: LoggedChatEvent[] = [];
    for (let index = this.firstIndexAbove(after); index < this.entries.length && found.length < limit; index += 1) {
      const { event } = this.entries[index] as Entry;
      if (spans.sees(userId, event)) found.push(event);
    }
    return found;
  }

  async lastPosition(): Promise<number> {
    return this.last;
  }

  async firstPosition(): Promise<number | null> {
    return this.entries[0]?.event.position ?? null;
  }

  async prune(before: Date): Promise<number> {
    const limit = before.toISOString();
    const newest = this.entries.at(-1);
    const kept = this.entries.filter((entry) => entry === newest || !entry.published || entry.event.occurredAt >= limit);
    const keeping = new Set(kept);
    for (const entry of this.entries) if (!keeping.has(entry)) this.byId.delete(entry.event.id);
    const count = this.entries.length - kept.length;
    this.entries.splice(0, this.entries.length, ...kept);
    this.firstUnpublished = 0;
    const first = this.entries[0]?.event.position ?? this.last;
    for (const [userId, named] of this.namedIn) this.namedIn.set(userId, named.filter((event) => event.position >= first));
    return count;
  }

  /** Binary search: the index of the first entry with a position above `after`. */
  private firstIndexAbove(after: number): number {
    let low = 0;
    let high = this.entries.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if ((this.entries[middle] as Entry).event.position <= after) low = middle + 1;
      else high = middle;
    }
    return low;
  }
}
