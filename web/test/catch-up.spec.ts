import { CATCH_UP_MAX_PAGES, CATCH_UP_PAGE, catchUp, type HistoryPage } from '../src/state/catch-up';
import type { ChatMessage } from '../src/state/messages';

const message = (seq: number): ChatMessage => ({ messageId: `m${seq}`, senderId: 1, text: `text ${seq}`, timestamp: new Date(seq * 1000).toISOString(), seq });

/** A conversation of `count` messages paged as the server does: the newest `limit` older than `before`, oldest first. */
const conversationOf = (count: number) => {
  const all = Array.from({ length: count }, (_, index) => message(index + 1));
  const reads: Array<string | undefined> = [];
  const readPage: HistoryPage = async (before, limit) => {
    reads.push(before);
    const end = before === undefined ? all.length : all.findIndex((m) => m.messageId === before);
    return all.slice(Math.max(0, end - limit), end);
  };
  return { all, reads, readPage };
};

describe('catchUp', () => {
  it('reads one page when the newest page overlaps what is known, and adds only what is new', async () => {
    const { all, reads, readPage } = conversationOf(60);
    const result = await catchUp(all.slice(0, 55), readPage);
    expect(result.messages.map((m) => m.seq)).toEqual(all.map((m) => m.seq));
    expect(reads).toEqual([undefined]);
  });

  it('pages backwards until it reaches a known message, so a long absence leaves no gap and no duplicate', async () => {
    const { all, reads, readPage } = conversationOf(10 + 2 * CATCH_UP_PAGE + 5);
    const result = await catchUp(all.slice(0, 10), readPage);
    expect(result.messages.map((m) => m.seq)).toEqual(all.map((m) => m.seq));
    expect(reads).toHaveLength(3);
  });

  it('with nothing known reads one page and says whether it holds the start', async () => {
    const short = conversationOf(3);
    expect(await catchUp([], short.readPage)).toEqual({ messages: short.all, reachedStart: true });
    const long = conversationOf(CATCH_UP_PAGE + 1);
    const result = await catchUp([], long.readPage);
    expect(result.reachedStart).toBe(false);
    expect(result.messages).toHaveLength(CATCH_UP_PAGE);
  });

  it('past the page cap keeps only the newest pages rather than leave a hole', async () => {
    const { all, readPage } = conversationOf(5 + (CATCH_UP_MAX_PAGES + 1) * CATCH_UP_PAGE);
    const result = await catchUp(all.slice(0, 5), readPage);
    expect(result.reachedStart).toBe(false);
    expect(result.messages[0]?.seq).toBe(all.length - CATCH_UP_MAX_PAGES * CATCH_UP_PAGE + 1);
    expect(result.messages.at(-1)?.seq).toBe(all.length);
  });
});
