import { randomUUID } from 'node:crypto';
import { mongoTestUrl } from '@chatterroom/test/harness/services/service-urls';
import { openScratchOrm, type ScratchOrm } from '@chatterroom/test/kits/mongo/mongo-scratch-orm';
import type { ChatEventDraft, LoggedChatEvent } from '../../ports';
import { EVENT_MARKS, EVENT_PAGES, WIDE_AUDIENCE, pageIdOf } from './event-pages';
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

  const pages = () => scratch.orm.em.getCollection<{ _id: string }>(EVENT_PAGES);

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
    for (const id of new Set(events.map((event) => pageIdOf(event.position)))) await pages().deleteOne({ _id: id });
    const mine = events.filter((event) => event.audience.includes(user));
    expect(await log.readFor(user, before, 10, [])).toEqual(mine);
    expect(await pages().findOne({ _id: pageIdOf((events[0] as LoggedChatEvent).position) })).not.toBeNull();
    expect(await log.readFor(user, before, 10, [])).toEqual(mine);
  });

  it('reads past a `last` mark left behind (two replicas raised it at once)', async () => {
    const before = await log.lastPosition();
    const events = await moved([draft([9]), draft([9]), draft([9])]);
    await scratch.orm.em.getCollection<{ _id: string; position: number }>(EVENT_MARKS).updateOne({ _id: 'last' }, { $set: { position: before + 1 } });
    expect(await log.readFor(9, before, 10, [])).toEqual(events);
  });
});
