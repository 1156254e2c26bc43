import type { LoggedChatEvent } from '../../ports';
import { EVENT_PAGE_SIZE, pageIdOf, type EventPages, type PagedEvent } from './event-pages';

/** Where a paged read finds what the pages lack. */
export interface PagedEventSource {
  readonly pages: EventPages;
  /** The events of `chat_events` with positions from `from` to `to` (a scan: only to fill a page's gap). */
  between(from: number, to: number): Promise<LoggedChatEvent[]>;
  /** One event of `chat_events` by id (a wide event, kept in its page without its audience); null when pruned. */
  byId(id: string): Promise<LoggedChatEvent | null>;
}

/**
 * The events a reader `sees` after position `after`, in order, at most `limit`, read page by page
 * ({@link EventPages}). `last` is the highest position given when the read began: a position up to
 * it missing from its page is filled from `chat_events` (and the page repaired); positions past it
 * are read while their pages hold them (a `last` mark that lags, after two replicas raised it at
 * once, hides nothing), and the read ends at the first one missing.
 */
export const readPagedFor = async (
  source: PagedEventSource,
  sees: (event: LoggedChatEvent) => boolean,
  after: number,
  limit: number,
  last: number,
): Promise<LoggedChatEvent[]> => {
  const found: LoggedChatEvent[] = [];
  let next = after + 1;
  while (found.length < limit) {
    const pageEnd = Math.ceil(next / EVENT_PAGE_SIZE) * EVENT_PAGE_SIZE;
    const byPosition = await pageFrom(source, next, pageEnd, last);
    for (let position = next; position <= pageEnd; position += 1) {
      const paged = byPosition.get(position);
      if (paged === undefined) {
        if (position > last) return found;
        continue; // pruned meanwhile
      }
      if ('pruned' in paged) continue;
      const event = 'wide' in paged ? await source.byId(paged.id) : paged;
      if (event !== null && sees(event)) found.push(event);
      if (found.length >= limit) return found;
    }
    next = pageEnd + 1;
  }
  return found;
};

/** The page's events from `from` on, by position, with any gap up to `last` filled from the log. */
const pageFrom = async (source: PagedEventSource, from: number, pageEnd: number, last: number): Promise<Map<number, PagedEvent>> => {
  const byPosition = new Map((await source.pages.page(pageIdOf(from))).filter((event) => event.position >= from).map((event) => [event.position, event]));
  const through = Math.min(last, pageEnd);
  let gap = from;
  while (gap <= through && byPosition.has(gap)) gap += 1;
  if (gap > through) return byPosition;
  const missing = (await source.between(gap, through)).filter((event) => !byPosition.has(event.position));
  await source.pages.add(missing);
  for (const event of missing) byPosition.set(event.position, event);
  return byPosition;
};
