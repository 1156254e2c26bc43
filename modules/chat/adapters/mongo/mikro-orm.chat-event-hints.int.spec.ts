import { randomUUID } from 'node:crypto';
import { mongoTestUrl } from '@chatterroom/test/harness/services/service-urls';
import { closeMongoOrm, createMongoOrm, type MongoOrm } from '@chatterroom/platform/mongo/create-mongo-orm';
import { openScratchOrm, type ScratchOrm } from '@chatterroom/platform/mongo/mongo-scratch-orm.testing';
import { countCommandsDuring } from '@chatterroom/platform/mongo/command-count.testing';
import { MikroOrmChatEventLog } from './mikro-orm.chat-event-log';
import { chatEntities } from '.';

jest.setTimeout(120_000);

/**
 * Chat-service replicas: the one relaying moves the events another stored, and an event waiting
 * for its message is released only once the message exists. The standby passes on (with its nudge)
 * the ids of the messages it stored, so the relay need not look each batch's message up (a scan
 * of `messages` on FerretDB).
 */
describe('MikroOrmChatEventLog stored-message hints between two processes (MongoDB wire protocol)', () => {
  let scratch: ScratchOrm;
  let standbyOrm: MongoOrm;

  beforeAll(async () => {
    const address = new URL(mongoTestUrl('chat_event_hints'));
    address.searchParams.set('monitorCommands', 'true');
    scratch = await openScratchOrm(address.toString(), chatEntities);
    standbyOrm = await createMongoOrm({ clientUrl: address.toString(), entities: chatEntities });
  });

  afterAll(async () => {
    await closeMongoOrm(standbyOrm);
    await scratch.dispose();
  });

  /** The standby records an intent for a message and stores the message, as its message store does. */
  const storedOnStandby = async (standby: MikroOrmChatEventLog) => {
    const messageId = randomUUID();
    const event = { id: randomUUID(), type: 'test.message.v1', occurredAt: new Date().toISOString(), audience: [7], payload: { messageId } };
    await standby.recordIntents([{ event, requires: messageId }]);
    await standbyOrm.em.getConnection().getCollection('messages').insertOne({ _id: messageId, probe: true } as never);
    standby.messagesStored(new Set([messageId]));
    return event.id;
  };

  const messageLookupsDuring = (work: () => Promise<unknown>) =>
    countCommandsDuring(scratch.orm, (event) => (event.commandName === 'find' && event.command.find === 'messages' ? 1 : 0), work);

  it('moves an event another process stored without looking its message up when that process passed its hints on; looks it up otherwise', async () => {
    const leader = new MikroOrmChatEventLog({ mongoOrm: scratch.orm });
    const standby = new MikroOrmChatEventLog({ mongoOrm: standbyOrm });

    const unhinted = await storedOnStandby(standby);
    standby.takeStoredHints();
    let batch: { id: string }[] = [];
    expect(await messageLookupsDuring(async () => (batch = await leader.nextToPublish(10)))).toBe(1);
    expect(batch.map((event) => event.id)).toEqual([unhinted]);
    await leader.markPublished([unhinted]);

    const hinted = await storedOnStandby(standby);
    const hints = standby.takeStoredHints();
    expect(hints).toHaveLength(1);
    expect(standby.takeStoredHints()).toEqual([]);
    leader.acceptStoredHints(hints);
    expect(await messageLookupsDuring(async () => (batch = await leader.nextToPublish(10)))).toBe(0);
    expect(batch.map((event) => event.id)).toEqual([hinted]);
    await leader.markPublished([hinted]);
  });

  it('keeps an event whose message is not stored waiting, hints or not', async () => {
    const leader = new MikroOrmChatEventLog({ mongoOrm: scratch.orm });
    const standby = new MikroOrmChatEventLog({ mongoOrm: standbyOrm });
    const event = { id: randomUUID(), type: 'test.message.v1', occurredAt: new Date().toISOString(), audience: [7], payload: {} };
    await standby.recordIntents([{ event, requires: randomUUID() }]);
    leader.acceptStoredHints([randomUUID()]);
    expect(await leader.nextToPublish(10)).toEqual([]);
    await standby.withdraw(event.id);
  });
});
