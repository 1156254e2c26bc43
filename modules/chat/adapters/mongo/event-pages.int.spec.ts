import { randomUUID } from 'node:crypto';
import { mongoTestUrl } from '@chatterroom/test/harness/services/service-urls';
import { eventually } from '@chatterroom/test/harness/system';
import { openScratchOrm, type ScratchOrm } from '@chatterroom/test/kits/mongo/mongo-scratch-orm';
import type { ChatEventDraft, LoggedChatEvent } from '../../ports';
import { EVENT_MARKS, EVENT_PAGES, EVENT_PAGE_SIZE, EventPages, WIDE_AUDIENCE, pageIdOf, type EventPageDocument } from './event-pages';
import { MikroOrmChatEventLog } from './mikro-orm.chat-event-log';
import { chatEntities } from '.';

/** The MongoDB event log's read side (pages and marks) when its copies are missing, behind, or left out. */
describe('MikroOrmChatEventLog pages (MongoDB wire protocol)', () => {
  let scratch: ScratchOrm;
  let log: MikroOrmChatEventLog;

  beforeAll(async () => {
    scratch = await openScratchOrm(mongoTestUrl('chat_event_pages'), chatEntities);
    await scratch.orm.schema.ensureIndexes();
    log = new MikroOrmChatEventLog({ mongoOrm: scratch.orm });
  });
  afterAll(() => scratch.dispose());

  const draft = (audience: readonly number[]): ChatEventDraft => ({
    id: randomUUID(),
    type: 'chat.test-happened.v1',
    occurredAt: new Date().toISOString(),
    payload: { text: 'x' },
    audience,
  });

  const moved = async (drafts: readonly ChatEventDraft[]): Promise<LoggedChatEvent[]> => {
    for (const event of drafts) await log.record(event);
    const events = await log.nextToPublish(drafts.length);
    await log.markPublished(events.map((event) => event.id));
    return events;
  };

  const pages = () => scratch.orm.em.getCollection<EventPageDocument>(EVENT_PAGES);
  /** The page document and the chunk documents of page `id`. */
  const documentsOfPage = (id: string) => ({ _id: { $regex: `^${id}(@|$)` } });

  it('reads an event whose audience is too wide for its page from the log itself', async () => {
    const wide = Array.from({ length: WIDE_AUDIENCE + 1 }, (_, index) => index + 1);
    const before = await log.lastPosition();
    const [event] = await moved([draft(wide)]);
    expect(await log.readFor(WIDE_AUDIENCE + 1, before, 10, [])).toEqual([event]);
    expect(await log.readFor(WIDE_AUDIENCE + 2, before, 10, [])).toEqual([]);
  });

  it('fills a page that lost its events (a mover died between its two writes) from the log, and repairs it', async () => {
    const user = 7;
    const before = await log.lastPosition();
    const events = await moved([draft([user]), draft([user, 8]), draft([8]), draft([user])]);
    for (const id of new Set(events.map((event) => pageIdOf(event.position)))) await pages().deleteMany(documentsOfPage(id));
    const mine = events.filter((event) => event.audience.includes(user));
    expect(await log.readFor(user, before, 10, [])).toEqual(mine);
    expect(await pages().countDocuments(documentsOfPage(pageIdOf((events[0] as LoggedChatEvent).position)))).toBeGreaterThan(0);
    expect(await log.readFor(user, before, 10, [])).toEqual(mine);
  });

  it('reads past a `last` mark left behind (two replicas raised it at once)', async () => {
    const before = await log.lastPosition();
    const events = await moved([draft([9]), draft([9]), draft([9])]);
    await scratch.orm.em.getCollection<{ _id: string; position: number }>(EVENT_MARKS).updateOne({ _id: 'last' }, { $set: { position: before + 1 } });
    expect(await log.readFor(9, before, 10, [])).toEqual(events);
  });

  describe('EventPages', () => {
    let page = 1_000;
    /** Logged events at the positions given, in a page of their own for each test. */
    const logged = (...offsets: number[]): LoggedChatEvent[] =>
      offsets.map((offset) => ({ ...draft([1]), position: page * EVENT_PAGE_SIZE + offset }));
    beforeEach(() => {
      page += 1;
    });

    it('adds each move as a chunk document of its own (an insert), and reads the page back whole, in order', async () => {
      const eventPages = new EventPages({ mongoOrm: scratch.orm });
      const [a, b, c, d] = logged(1, 2, 3, 4) as [LoggedChatEvent, LoggedChatEvent, LoggedChatEvent, LoggedChatEvent];
      await eventPages.add([b, a]);
      await eventPages.add([d, c]);
      const id = pageIdOf(a.position);
      expect((await pages().find(documentsOfPage(id)).toArray()).map((document) => document._id).sort()).toEqual([`${id}@${a.position}`, `${id}@${c.position}`]);
      expect(await eventPages.page(id)).toEqual([a, b, c, d]);
    });

    it('puts a chunk that exists already onto the page document, and reads every position once', async () => {
      const eventPages = new EventPages({ mongoOrm: scratch.orm });
      const [a, b, c] = logged(1, 2, 3) as [LoggedChatEvent, LoggedChatEvent, LoggedChatEvent];
      await eventPages.add([a, b]);
      await eventPages.add([a, b, c]);
      const id = pageIdOf(a.position);
      expect(await pages().findOne({ _id: id })).not.toBeNull();
      expect(await eventPages.page(id)).toEqual([a, b, c]);
    });

    it('reads a page written before chunk documents with the chunks added since', async () => {
      const eventPages = new EventPages({ mongoOrm: scratch.orm });
      const [a, b, c] = logged(1, 2, 3) as [LoggedChatEvent, LoggedChatEvent, LoggedChatEvent];
      const id = pageIdOf(a.position);
      await pages().insertOne({ _id: id, from: a.position, chunks: [JSON.stringify([a]), JSON.stringify([b])] });
      await eventPages.add([c]);
      expect(await eventPages.page(id)).toEqual([a, b, c]);
    });

    it('folds a page into its page document once its last position is added', async () => {
      const eventPages = new EventPages({ mongoOrm: scratch.orm });
      const events = logged(...Array.from({ length: EVENT_PAGE_SIZE }, (_, index) => index + 1));
      for (let from = 0; from < events.length; from += 9) await eventPages.add(events.slice(from, from + 9));
      const id = pageIdOf((events[0] as LoggedChatEvent).position);
      await eventually(async () => expect((await pages().find(documentsOfPage(id)).toArray()).map((document) => document._id)).toEqual([id]));
      expect(await eventPages.page(id)).toEqual(events);
    });

    it('leaves a page filled by a few large moves in its chunks, and reads it whole', async () => {
      const eventPages = new EventPages({ mongoOrm: scratch.orm });
      const events = logged(...Array.from({ length: EVENT_PAGE_SIZE }, (_, index) => index + 1));
      await eventPages.add(events.slice(0, 60));
      await eventPages.add(events.slice(60));
      const id = pageIdOf((events[0] as LoggedChatEvent).position);
      expect(await eventPages.page(id)).toEqual(events);
      expect(await pages().countDocuments(documentsOfPage(id))).toBe(2);
    });

    it('prunes into the page document: pruned positions kept as such, the chunk documents gone, later chunks kept', async () => {
      const eventPages = new EventPages({ mongoOrm: scratch.orm });
      const [a, b, c] = logged(1, 2, 3) as [LoggedChatEvent, LoggedChatEvent, LoggedChatEvent];
      await eventPages.add([a]);
      await eventPages.add([b, c]);
      const id = pageIdOf(a.position);
      await eventPages.remove([a.position], null);
      expect((await pages().find(documentsOfPage(id)).toArray()).map((document) => document._id)).toEqual([id]);
      expect(await eventPages.page(id)).toEqual([{ position: a.position, pruned: true }, b, c]);
      const [d] = logged(4) as [LoggedChatEvent];
      await eventPages.add([d]);
      expect(await eventPages.page(id)).toEqual([{ position: a.position, pruned: true }, b, c, d]);
      await eventPages.remove([b.position, c.position, d.position], d.position + EVENT_PAGE_SIZE);
      expect(await pages().countDocuments(documentsOfPage(id))).toBe(0);
    });
  });
});
