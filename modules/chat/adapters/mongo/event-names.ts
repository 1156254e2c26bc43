import type { MikroORM } from '@mikro-orm/mongodb';
import { isDuplicateKeyError } from '@chatterroom/platform/mongo/duplicate-key';
import type { LoggedChatEvent } from '../../ports';
import type { NamedRoomEvent } from '../../domain/membership-spans';

/** Room events named per write to one user's document; a room deleted with more members is written in steps. */
const WRITES_AT_ONCE = 50;
/** Event ids this process remembers having noted (so a relay re-reading an unpublished batch does not note it again); forgotten all at once past this. */
const REMEMBERED = 10_000;

/**
 * `chat_event_names`: per user (`_id` `user:<userId>`), the room events that name them (where
 * they joined or left a room), so a reader learns when it was in which room with one `_id`
 * lookup (FerretDB pushes down no other filter). Each write adds one chunk: a JSON string of
 * `[position, roomId, membership]` triples (strings, as the pages keep theirs: FerretDB converts
 * every field of a document it reads). Written after the events are in `chat_events`, like the
 * pages, before they are published: a mover that dies in between leaves them unpublished, and the
 * relay that then reads them from the log notes them again (an entry written twice is read once).
 * Until then a reader may count that user in or out of the room wrongly around that event. Entries
 * are not pruned with the events: one per membership change, readers skip those below their cursor.
 */
export interface EventNamesDocument {
  _id: string;
  chunks: string[];
}

export const EVENT_NAMES = 'chat_event_names';

type Triple = [number, number, NamedRoomEvent['membership']];

export class EventNames {
  private readonly noted = new Set<string>();

  constructor(private readonly deps: { mongoOrm: MikroORM }) {}

  /**
   * Notes, for each user a room event names, that event (other events, and those this process
   * noted already, are skipped). Idempotent when read: an event noted twice is read once.
   */
  async add(events: readonly LoggedChatEvent[]): Promise<void> {
    const byUser = new Map<number, Triple[]>();
    const noting = events.filter((event) => event.roomId !== undefined && event.audience.length > 0 && !this.noted.has(event.id));
    for (const event of noting) {
      if (event.roomId === undefined) continue;
      for (const userId of event.audience) byUser.set(userId, [...(byUser.get(userId) ?? []), [event.position, event.roomId, event.membership ?? null]]);
    }
    const writes = [...byUser];
    for (let start = 0; start < writes.length; start += WRITES_AT_ONCE) {
      await Promise.all(writes.slice(start, start + WRITES_AT_ONCE).map(([userId, triples]) => this.push(userId, triples)));
    }
    if (this.noted.size + noting.length > REMEMBERED) this.noted.clear();
    for (const event of noting) this.noted.add(event.id);
  }

  /** The room events naming `userId` with a position above `after`, each once, in position order. */
  async of(userId: number, after: number): Promise<NamedRoomEvent[]> {
    const document = await this.names().findOne({ _id: idOf(userId) });
    const byPosition = new Map<number, NamedRoomEvent>();
    for (const chunk of document?.chunks ?? []) {
      for (const [position, roomId, membership] of JSON.parse(chunk) as Triple[]) {
        if (position > after) byPosition.set(position, { position, roomId, membership });
      }
    }
    return [...byPosition.values()].sort((a, b) => a.position - b.position);
  }

  /** Two upserts of one new `_id` at once: the loser's insert is refused, and its update then finds the document. */
  private async push(userId: number, triples: readonly Triple[]): Promise<void> {
    const write = () => this.names().updateOne({ _id: idOf(userId) }, { $push: { chunks: JSON.stringify(triples) } }, { upsert: true });
    try {
      await write();
    } catch (error) {
      if (!isDuplicateKeyError(error)) throw error;
      await write();
    }
  }

  private names() {
    return this.deps.mongoOrm.em.getCollection<EventNamesDocument>(EVENT_NAMES);
  }
}

const idOf = (userId: number): string => `user:${userId}`;
