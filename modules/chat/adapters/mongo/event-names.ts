import type { MikroORM } from '@mikro-orm/mongodb';
import { isDuplicateKeyError } from '@chatterroom/platform/mongo/duplicate-key';
import type { LoggedChatEvent } from '../../ports';
import type { NamedRoomEvent } from '../../domain/membership-spans';

/** Room events named per write to one user's document; a room deleted with more members is written in steps. */
const WRITES_AT_ONCE = 50;

/**
 * `chat_event_names`: per user (`_id` `user:<userId>`), the room events that name them (where
 * they joined or left a room), so a reader learns when it was in which room with one `_id`
 * lookup (FerretDB pushes down no other filter). Each write adds one chunk: a JSON string of
 * `[position, roomId, membership]` triples (strings, as the pages keep theirs: FerretDB converts
 * every field of a document it reads). Written after the events are in `chat_events`, like the
 * pages; an entry written twice is read once.
 */
export interface EventNamesDocument {
  _id: string;
  chunks: string[];
}

export const EVENT_NAMES = 'chat_event_names';

type Triple = [number, number, NamedRoomEvent['membership']];

export class EventNames {
  constructor(private readonly deps: { mongoOrm: MikroORM }) {}

  /** Notes, for each user a room event names, that event (other events are ignored). Idempotent when read. */
  async add(events: readonly LoggedChatEvent[]): Promise<void> {
    const byUser = new Map<number, Triple[]>();
    for (const event of events) {
      if (event.roomId === undefined) continue;
      for (const userId of event.audience) byUser.set(userId, [...(byUser.get(userId) ?? []), [event.position, event.roomId, event.membership ?? null]]);
    }
    const writes = [...byUser];
    for (let start = 0; start < writes.length; start += WRITES_AT_ONCE) {
      await Promise.all(writes.slice(start, start + WRITES_AT_ONCE).map(([userId, triples]) => this.push(userId, triples)));
    }
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
