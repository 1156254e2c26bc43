import type { MikroORM } from '@mikro-orm/mongodb';
import { isDuplicateKeyError } from '@chatterroom/platform/mongo/duplicate-key';
import type { LoggedChatEvent } from '../../ports';
import { insertEachRefusingDuplicates } from './unordered-insert';

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
 * `chat_event_pages`: the events of a range of positions, found by `_id` alone. A page is the document
 * `page:<k>` and its chunk documents `page:<k>@<position>`, each holding events from that position on: each move
 * inserts one chunk document per page it reaches (an insert; a `$push` onto a growing page document cost FerretDB
 * a read and a rewrite of the whole page, 2.5-2.8 ms against ~1 ms, `bench/tools/ferretdb-write-costs.ts`), and
 * adds to `page:<k>` itself only what a chunk document could not take (a chunk of that position exists: the same
 * events written again). Pages written before chunk documents existed are read the same way. `chunks` are JSON
 * arrays of {@link PagedEvent}s kept as strings, because FerretDB converts a document's every field on each read (a
 * page of 100 events as objects took 640 ms to read under load, the same page as strings 12 ms).
 */
export interface EventPageDocument {
  _id: string;
  /** The first position the document holds (at most the page's last): a document with `from` <= p - PAGE_SIZE is all below p. */
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

/**
 * A full page is folded into its page document when this process added at least this many chunks to it: a page
 * filled by a few large moves costs FerretDB more to fold (a read, a rewrite of the page, a delete) than its
 * readers save (they read a few chunk documents by one `_id` `$in`).
 */
const FOLD_FROM_CHUNKS = 4;
/** Pages whose chunks are counted at once (pages another process fills are never seen full here). */
const PAGES_COUNTED = 1_000;

/** The chunk document of page `pageId` whose events start at `position`. */
const chunkIdOf = (pageId: string, position: number): string => `${pageId}@${position}`;

/** Every `_id` page `pageId` may be kept under: the page document and a chunk document per position of the page. */
const documentIdsOf = (pageId: string): string[] => {
  const first = Number(pageId.slice('page:'.length)) * EVENT_PAGE_SIZE + 1;
  return [pageId, ...Array.from({ length: EVENT_PAGE_SIZE }, (_, index) => chunkIdOf(pageId, first + index))];
};

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
  /** Chunk documents this process added to each page not yet full (at most {@link PAGES_COUNTED} pages). */
  private readonly chunksAdded = new Map<string, number>();

  constructor(private readonly deps: { mongoOrm: MikroORM }) {}

  /**
   * Adds events (any order, any pages) to their pages: one chunk document per page, all in one unordered
   * insert; a chunk refused (one of that position exists) goes onto the page document. An event already
   * there is kept once when read. A page whose last position is added is then folded into its page
   * document in the background ({@link compact}) when it has {@link FOLD_FROM_CHUNKS} chunks or more, so a
   * reader of a full page reads one document.
   */
  async add(events: readonly LoggedChatEvent[]): Promise<void> {
    const byPage = new Map<string, PagedEvent[]>();
    for (const event of [...events].sort((a, b) => a.position - b.position)) {
      const id = pageIdOf(event.position);
      byPage.set(id, [...(byPage.get(id) ?? []), pagedEventOf(event)]);
    }
    const chunks = [...byPage].map(([pageId, paged]) => {
      const from = (paged[0] as PagedEvent).position;
      return { _id: chunkIdOf(pageId, from), from, chunks: [JSON.stringify(paged)] };
    });
    const refused = await insertEachRefusingDuplicates(this.pages(), chunks);
    await Promise.all(
      [...byPage].filter((_, index) => refused.has(index)).map(([id, paged]) =>
        this.withRetryOnRace(() =>
          this.pages().updateOne({ _id: id }, { $push: { chunks: JSON.stringify(paged) }, $setOnInsert: { from: (paged[0] as PagedEvent).position } }, { upsert: true }),
        ),
      ),
    );
    for (const [id, paged] of byPage) {
      const chunks = (this.chunksAdded.get(id) ?? 0) + 1;
      if (!paged.some((event) => event.position % EVENT_PAGE_SIZE === 0)) {
        if (this.chunksAdded.size >= PAGES_COUNTED) this.chunksAdded.clear();
        this.chunksAdded.set(id, chunks);
        continue;
      }
      this.chunksAdded.delete(id);
      // Not awaited: a page left in chunk documents (this failed, or a chunk came later) reads the same, only slower.
      if (chunks >= FOLD_FROM_CHUNKS) this.compact(id, new Set()).catch(() => undefined);
    }
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

  /**
   * The events of page `id`, in position order, each once; empty when the page does not exist. A page document
   * that holds the page's last position is read alone (a full page, folded: one `_id` lookup); otherwise the
   * chunk documents too. A chunk left beside a full page document (added after it was folded) is not read: its
   * events are gaps to the reader, filled from the log.
   */
  async page(id: string): Promise<PagedEvent[]> {
    const pageDocument = await this.pages().findOne({ _id: id });
    const folded = eventsOf(pageDocument);
    const full = folded.some((event) => event.position % EVENT_PAGE_SIZE === 0);
    const byPosition = new Map<number, PagedEvent>();
    for (const document of full ? [] : await this.documentsOf(id, false)) for (const event of eventsOf(document)) byPosition.set(event.position, event);
    for (const event of folded) byPosition.set(event.position, event);
    return [...byPosition.values()].sort((a, b) => a.position - b.position);
  }

  /**
   * Leaves only the positions of pruned events in their pages (one read and up to two writes per page, see
   * {@link compact}), and drops the documents all below `first` (a scan of the pages, one row per document).
   */
  async remove(positions: readonly number[], first: number | null): Promise<void> {
    const byPage = new Map<string, number[]>();
    for (const position of positions) byPage.set(pageIdOf(position), [...(byPage.get(pageIdOf(position)) ?? []), position]);
    for (const [id, pruned] of byPage) await this.compact(id, new Set(pruned));
    if (first !== null) await this.pages().deleteMany({ from: { $lte: first - EVENT_PAGE_SIZE } });
  }

  /**
   * Rewrites page `id` as its page document alone: every event of its documents, those at `gone` positions as
   * pruned positions; then deletes the chunk documents it read. A chunk added meanwhile stays a chunk document;
   * an event pushed onto the page document meanwhile is lost from it (FerretDB does not apply $pull with a
   * condition, so the page is read and written back), and found again by the next reader that sees the gap.
   */
  private async compact(id: string, gone: ReadonlySet<number>): Promise<void> {
    const documents = await this.documentsOf(id);
    const chunkIds = documents.map((document) => document._id).filter((documentId) => documentId !== id);
    if (documents.length === 0 || (chunkIds.length === 0 && gone.size === 0)) return;
    const kept = new Map<number, PagedEvent>();
    for (const event of documents.flatMap(eventsOf)) kept.set(event.position, gone.has(event.position) ? { position: event.position, pruned: true } : event);
    const events = [...kept.values()].sort((a, b) => a.position - b.position);
    await this.pages().updateOne({ _id: id }, { $set: { chunks: [JSON.stringify(events)], from: (events[0] as PagedEvent).position } }, { upsert: true });
    if (chunkIds.length > 0) await this.pages().deleteMany({ _id: { $in: chunkIds } });
  }

  /** The chunk documents of page `id`, and its page document unless `withPage` is false (one `_id` `$in`). */
  private documentsOf(id: string, withPage = true): Promise<EventPageDocument[]> {
    const ids = documentIdsOf(id);
    return this.pages().find({ _id: { $in: withPage ? ids : ids.slice(1) } }).toArray();
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
