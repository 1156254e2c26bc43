import { randomUUID } from 'node:crypto';
import { closeMongoOrm, createMongoOrm } from '@chatterroom/platform/mongo/create-mongo-orm';
import { openScratchOrm, type ScratchOrm } from '@chatterroom/test/kits/mongo/mongo-scratch-orm';
import { countCommandsDuring, monitoredMongoTestUrl } from '@chatterroom/test/kits/mongo/command-count';
import type { MikroORM } from '@mikro-orm/mongodb';
import type { ChatEventDraft, LoggedChatEvent } from '../../ports';
import { MikroOrmChatEventLog } from './mikro-orm.chat-event-log';
import { chatEntities } from '.';

jest.setTimeout(180_000);

const draft = (user: number, index: number): ChatEventDraft => ({ id: randomUUID(), type: 'test.event.v1', occurredAt: new Date().toISOString(), audience: [user], payload: { index } });

/** Reads of the outbox (`find` on chat_outbox: a scan of it on FerretDB) while `work` runs. */
const outboxReadsDuring = (orm: MikroORM, work: () => Promise<unknown>): Promise<number> =>
  countCommandsDuring(orm, (event) => (event.commandName === 'find' && event.command.find === 'chat_outbox' ? 1 : 0), work);

/** Hands out and marks everything pending; returns the events in the order handed out. */
const publishAll = async (log: MikroOrmChatEventLog): Promise<LoggedChatEvent[]> => {
  const all: LoggedChatEvent[] = [];
  for (let batch = await log.nextToPublish(50); batch.length > 0; batch = await log.nextToPublish(50)) {
    all.push(...batch);
    await log.markPublished(batch.map((event) => event.id));
  }
  return all;
};

/**
 * The relay moves the entries its own process recorded without reading the outbox: on FerretDB that
 * read is a scan whose cost grows with every entry waiting, and under sustained load the relay fell
 * further behind with every read (the outbox grew to 15,000 entries in a 20 s burst, events unpublished).
 */
describe('MikroOrmChatEventLog moving its own outbox entries (MongoDB wire protocol)', () => {
  let scratch: ScratchOrm;
  let url: string;
  let twinOrm: MikroORM;

  beforeAll(async () => {
    url = monitoredMongoTestUrl('chat_own_moves');
    scratch = await openScratchOrm(url, chatEntities);
    twinOrm = await createMongoOrm({ clientUrl: url, entities: chatEntities });
  });

  afterAll(async () => {
    await closeMongoOrm(twinOrm);
    await scratch.dispose();
  });

  it('publishes what this process recorded, in the order recorded, without reading the outbox', async () => {
    const log = new MikroOrmChatEventLog({ mongoOrm: scratch.orm }, { outboxReadEveryMs: 600_000 });
    await publishAll(log);
    const user = 1 + Math.floor(Math.random() * 1_000_000);
    const drafts = Array.from({ length: 120 }, (_, index) => draft(user, index));
    for (const event of drafts) await log.record(event);

    let published: LoggedChatEvent[] = [];
    const reads = await outboxReadsDuring(scratch.orm, async () => {
      published = await publishAll(log);
    });

    expect(reads).toBe(0);
    expect(published.map((event) => event.id)).toEqual(drafts.map((event) => event.id));
    expect(await log.nextToPublish(10)).toEqual([]);
  });

  it('publishes what another process recorded once told that others may have recorded', async () => {
    const log = new MikroOrmChatEventLog({ mongoOrm: scratch.orm });
    const twin = new MikroOrmChatEventLog({ mongoOrm: twinOrm });
    await publishAll(log);
    const user = 1 + Math.floor(Math.random() * 1_000_000);
    const theirs = [draft(user, 0), draft(user, 1)];
    for (const event of theirs) await twin.record(event);

    log.othersMayHaveRecorded();
    const published = await publishAll(log);

    expect(published.map((event) => event.id)).toEqual(theirs.map((event) => event.id));
  });

  it('publishes each of its entries once when a reader in another process moved them first', async () => {
    const log = new MikroOrmChatEventLog({ mongoOrm: scratch.orm });
    const twin = new MikroOrmChatEventLog({ mongoOrm: twinOrm });
    await publishAll(log);
    const user = 1 + Math.floor(Math.random() * 1_000_000);
    const drafts = Array.from({ length: 5 }, (_, index) => draft(user, index));
    for (const event of drafts) await log.record(event);

    const read = await twin.readFor(user, 0, 100, []);
    const published = await publishAll(log);

    expect(read.map((event) => event.id)).toEqual(drafts.map((event) => event.id));
    expect(published.map((event) => event.id)).toEqual(drafts.map((event) => event.id));
    expect(published.map((event) => event.position)).toEqual(read.map((event) => event.position));
    const more = draft(user, 5);
    await log.record(more);
    expect((await publishAll(log)).map((event) => event.id)).toEqual([more.id]);
  });
});
