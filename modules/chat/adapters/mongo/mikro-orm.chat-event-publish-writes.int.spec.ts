import { randomUUID } from 'node:crypto';
import { closeMongoOrm, createMongoOrm } from '@chatterroom/platform/mongo/create-mongo-orm';
import { openScratchOrm, type ScratchOrm } from '@chatterroom/test/kits/mongo/mongo-scratch-orm';
import { countCommandsDuring, monitoredMongoTestUrl } from '@chatterroom/test/kits/mongo/command-count';
import { MikroOrmChatEventLog } from './mikro-orm.chat-event-log';
import { chatEntities } from '.';

const BATCH = 100;

jest.setTimeout(180_000);

/** The update statements (documents addressed one by one) the log sends while `work` runs. */
const updateStatementsDuring = (scratch: ScratchOrm, work: () => Promise<void>): Promise<number> =>
  countCommandsDuring(scratch.orm, (event) => (event.commandName === 'update' ? (event.command.updates as unknown[]).length : 0), work);

/**
 * The split half-rate stall: FerretDB's SQLite backend runs each update statement as its own
 * write, and the relay flagged every event of a batch published (one statement per event), so
 * a burst's batch held the chat database while every send behind it passed its deadline.
 * Marking a batch now moves one cursor.
 */
describe('MikroOrmChatEventLog marking a batch published (MongoDB wire protocol)', () => {
  let scratch: ScratchOrm;
  let url: string;

  beforeAll(async () => {
    url = monitoredMongoTestUrl('chat_publish_writes');
    scratch = await openScratchOrm(url, chatEntities);
  });

  afterAll(async () => {
    await scratch.dispose();
  });

  it(`marks a batch of ${BATCH} events published with one update statement, and no relay hands them out again`, async () => {
    const log = new MikroOrmChatEventLog({ mongoOrm: scratch.orm });
    const user = 1 + Math.floor(Math.random() * 1_000_000);
    await Promise.all(
      Array.from({ length: BATCH }, (_, index) => log.record({ id: randomUUID(), type: 'test.event.v1', occurredAt: new Date().toISOString(), audience: [user], payload: { index } })),
    );
    const batch = await log.nextToPublish(BATCH);
    expect(batch).toHaveLength(BATCH);

    const statements = await updateStatementsDuring(scratch, () => log.markPublished(batch.map((event) => event.id)));

    expect(statements).toBe(1);
    expect(await log.nextToPublish(BATCH)).toEqual([]);
    const twinOrm = await createMongoOrm({ clientUrl: url, entities: chatEntities });
    try {
      expect(await new MikroOrmChatEventLog({ mongoOrm: twinOrm }).nextToPublish(BATCH)).toEqual([]);
    } finally {
      await closeMongoOrm(twinOrm);
    }
  });

  it('marks ids outside the batch handed out one by one, leaving the events before them pending', async () => {
    const log = new MikroOrmChatEventLog({ mongoOrm: scratch.orm });
    const user = 1 + Math.floor(Math.random() * 1_000_000);
    for (let index = 0; index < 3; index += 1) {
      await log.record({ id: randomUUID(), type: 'test.event.v1', occurredAt: new Date().toISOString(), audience: [user], payload: { index } });
    }
    const [first, second, third] = await log.nextToPublish(10);
    if (first === undefined || second === undefined || third === undefined) throw new Error('three events expected');

    await log.markPublished([second.id, third.id]);

    const twinOrm = await createMongoOrm({ clientUrl: url, entities: chatEntities });
    try {
      expect(await new MikroOrmChatEventLog({ mongoOrm: twinOrm }).nextToPublish(10)).toEqual([first]);
    } finally {
      await closeMongoOrm(twinOrm);
    }
  });
});
