import { mergeMessages, type ChatMessage } from './messages';

/** Reads one page of a conversation's history: the newest `limit` messages older than `before` (all when absent), oldest first. */
export type HistoryPage = (before: string | undefined, limit: number) => Promise<readonly ChatMessage[]>;

export const CATCH_UP_PAGE = 50;
/** At most this many pages are read to close one gap; older ones stay to the upward scroll. */
export const CATCH_UP_MAX_PAGES = 20;

/**
 * What was missed while away: reads pages from the newest backwards until one reaches a
 * message already `known` (or the start of the conversation), and merges them without
 * duplicates; past the page cap the known messages are dropped rather than leave a hole. With nothing known, one page is read. Returns the merged list and
 * whether the oldest message of the conversation is now known.
 */
export const catchUp = async (
  known: readonly ChatMessage[],
  readPage: HistoryPage,
): Promise<{ readonly messages: readonly ChatMessage[]; readonly reachedStart: boolean }> => {
  const ids = new Set(known.map((message) => message.messageId));
  let fetched: readonly ChatMessage[] = [];
  let before: string | undefined;
  for (let page = 0; page < CATCH_UP_MAX_PAGES; page++) {
    const messages = await readPage(before, CATCH_UP_PAGE);
    fetched = mergeMessages(fetched, messages);
    if (messages.length < CATCH_UP_PAGE) return { messages: mergeMessages(known, fetched), reachedStart: true };
    if (known.length === 0 || messages.some((message) => ids.has(message.messageId))) {
      return { messages: mergeMessages(known, fetched), reachedStart: false };
    }
    before = messages[0]?.messageId;
  }
  // The gap is wider than the cap: start again from the newest pages; scrolling up reads the rest.
  return { messages: fetched, reachedStart: false };
};
