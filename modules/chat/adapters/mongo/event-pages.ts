import type { MikroORM } from '@mikro-orm/mongodb';
import { isDuplicateKeyError } from '@chatterroom/platform/mongo/duplicate-key';
import type { LoggedChatEvent } from '../../ports';

/** Positions per page: page k holds positions k*PAGE_SIZE+1 ... (k+1)*PAGE_SIZE. */
export const EVENT_PAGE_SIZE = 100;
/** An event seen by more people than this is kept in its page without its body (its audience alone would bloat the page). */
export const WIDE_AUDIENCE = 256;

/**
 * One position in its page: the whole event, or (a wide audience) only its id, read from `chat_events` when needed,
 * or only the position of a pruned event (so a reader does not take it for a gap).
 */
export type PagedEvent =
  | LoggedChatEvent
  | { readonly position: number; readonly id: string; readonly wide: true }
  | { readonly position: number; readonly pruned: true };

/**
 * `chat_event_pages`: the events of a range of positions in one document, found by `_id` alone.
 * Each write adds one chunk: a JSON array of {@link PagedEvent}s, kept as a string, because
 * FerretDB converts a document's every field on each read (a page of 100 events as objects took
 * 640 ms to read under load, the same page as strings 12 ms).
 */
export interface EventPageDocument {
  _id: string;
  /** The first position the page covers. */
  from: number;
  chunks: string[];
}

/** `chat_event_marks`: the highest position given (`last`) and the lowest kept (`first`). */
interface EventMarkDocument {
  _id: 'last' | 'first';
  position: number;
}

export const EVENT_PAGES = 'chat_event_pages';
export const EVENT_MARKS = 'chat_event_marks';

export const pageIdOf = (position: number): string => `page:${Math.floor((position - 1) / EVENT_PAGE_SIZE)}`;

/** How an event is kept in its page. */
export const pagedEventOf = (event: LoggedChatEvent): PagedEvent =>
  event.audience.length > WIDE_AUDIENCE ? { position: event.position, id: event.id, wide: true } : event;

/**
 * The chat event log's read side on MongoDB (FerretDB's SQLite backend pushes down no filter but
 * equality on `_id`, so every other query scans the collection): events are copied, after their
 * insert into `chat_events`, into pages of {@link EVENT_PAGE_SIZE} positions keyed by `_id`, and the
 * highest and lowest positions are kept in two mark documents. A reader fetches the pages after
 * its cursor, one `_id` lookup per hundred positions, so a read costs what it returns (and the
 * positions of other users' events in between), not the size of the log. The copies are written
 * after the events, without a transaction: a page may lack an event (its writer died in between,
 * or two replicas pushed to one page at once and FerretDB kept one push), which the reader sees
 * as a gap below the `last` mark and fills from `chat_events` (a scan, only then).
 */
export class EventPages {
  constructor(private readonly deps: { mongoOrm: MikroORM }) {}

  /** Adds events (any order, any pages) to their pages; an event already there is kept once when read. */
  async add(events: readonly LoggedChatEvent[]): Promise<void> {
    const byPage = new Map<string, PagedEvent[]>();
    for (const event of events) {
      const id = pageIdOf(event.position);
      byPage.set(id, [...(byPage.get(id) ?? []), pagedEventOf(event)]);
    }
    await Promise.all(
      [...byPage].map(([id, paged]) =>
        this.withRetryOnRace(() =>
          this.pages().updateOne({ _id: id }, { $push: { chunks: JSON.stringify(paged) }, $setOnInsert: { from: (paged[0] as PagedEvent).position } }, { upsert: true }),
        ),
      ),
    );
  }

  /** Raises the `last` mark to `position` (never lowers it). */
  async noteLast(position: number): Promise<void> {
    await this.raise('last', position);
  }

  /** Raises the `first` mark to `position`, after a prune. */
  async noteFirst(position: number): Promise<void> {
    await this.raise('first', position);
  }

  /** The mark's position; undefined when it was never set. */
  async mark(name: 'last' | 'first'): Promise<number | undefined> {
    return (await this.marks().findOne({ _id: name }))?.position;
  }

  /** The events of page `id`, in position order, each once; empty when the page does not exist. */
  async page(id: string): Promise<PagedEvent[]> {
    const byPosition = new Map<number, PagedEvent>();
    for (const event of eventsOf(await this.pages().findOne({ _id: id }))) byPosition.set(event.position, event);
    return [...byPosition.values()].sort((a, b) => a.position - b.position);
  }

  /** Leaves only the positions of pruned events in their pages (one read and one write per page), and drops the pages all below `first` (a scan of the pages, one row per hundred events). */
  async remove(positions: readonly number[], first: number | null): Promise<void> {
    const byPage = new Map<string, number[]>();
    for (const position of positions) byPage.set(pageIdOf(position), [...(byPage.get(pageIdOf(position)) ?? []), position]);
    for (const [id, pruned] of byPage) {
      // read, then written back (FerretDB does not apply $pull with a condition); an event added to the page
      // in between is lost from it, and found again by the next reader that sees the gap
      const gone = new Set(pruned);
      const page = await this.pages().findOne({ _id: id });
      if (page === null) continue;
      const kept = eventsOf(page).map((event): PagedEvent => (gone.has(event.position) ? { position: event.position, pruned: true } : event));
      await this.pages().updateOne({ _id: id }, { $set: { chunks: [JSON.stringify(kept)] } });
    }
    if (first !== null) await this.pages().deleteMany({ from: { $lte: first - EVENT_PAGE_SIZE } });
  }

  private async raise(name: 'last' | 'first', position: number): Promise<void> {
    await this.withRetryOnRace(() => this.marks().updateOne({ _id: name }, { $max: { position } }, { upsert: true }));
  }

  /** Two upserts of one new `_id` at once: the loser's insert is refused, and its update then finds the document. */
  private async withRetryOnRace(write: () => Promise<unknown>): Promise<void> {
    try {
      await write();
    } catch (error) {
      if (!isDuplicateKeyError(error)) throw error;
      await write();
    }
  }

  private pages() {
    return this.deps.mongoOrm.em.getCollection<EventPageDocument>(EVENT_PAGES);
  }

  private marks() {
    return this.deps.mongoOrm.em.getCollection<EventMarkDocument>(EVENT_MARKS);
  }
}

const eventsOf = (page: EventPageDocument | null): PagedEvent[] => (page?.chunks ?? []).flatMap((chunk) => JSON.parse(chunk) as PagedEvent[]);
