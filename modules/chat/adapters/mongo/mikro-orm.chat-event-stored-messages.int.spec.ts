import { openScratchOrm, type ScratchOrm } from '@chatterroom/test/kits/mongo/mongo-scratch-orm';
import { countCommandsDuring, monitoredMongoTestUrl } from '@chatterroom/test/kits/mongo/command-count';
import { announcementFor, freshId, freshRoom, roomMessage } from '@chatterroom/test/contract/ports/chat/message-store.fixtures';
import { MikroOrmChatEventLog } from './mikro-orm.chat-event-log';
import { MikroOrmMessageStore } from './mikro-orm.message-store';
import { chatEntities } from '.';

jest.setTimeout(60_000);

/** The finds on `messages` the log sends while `work` runs. */
const messageFindsDuring = (scratch: ScratchOrm, work: () => Promise<unknown>): Promise<number> =>
  countCommandsDuring(scratch.orm, (event) => (event.commandName === 'find' && event.command.find === 'messages' ? 1 : 0), work);

/**
 * A message's announcement waits in the outbox until the message exists. The relay of the
 * process that stored the message knows it does (FerretDB scans `messages` for that lookup);
 * another process's relay looks it up.
 */
describe('MikroOrmChatEventLog moving the announcements of messages this process stored (MongoDB wire protocol)', () => {
  let scratch: ScratchOrm;

  beforeAll(async () => {
    scratch = await openScratchOrm(monitoredMongoTestUrl('chat_stored_messages'), chatEntities);
  });

  afterAll(async () => {
    await scratch.dispose();
  });

  it('moves them without reading messages; a relay that did not store them reads the batch\'s last one', async () => {
    const log = new MikroOrmChatEventLog({ mongoOrm: scratch.orm });
    const store = new MikroOrmMessageStore({ mongoOrm: scratch.orm, chatEventLog: log });
    const { roomId } = freshRoom();
    const reader = freshId();
    const stored = await store.appendBatch(['one', 'two', 'three'].map((text) => ({ message: roomMessage(roomId, 4, text), announcement: announcementFor([reader]) })));
    const otherReplica = new MikroOrmChatEventLog({ mongoOrm: scratch.orm });

    let handedOut: { payload: unknown }[] = [];
    const findsHere = await messageFindsDuring(scratch, async () => {
      handedOut = await log.nextToPublish(10);
    });

    expect(findsHere).toBe(0);
    expect(handedOut.map((event) => (event.payload as { message: { messageId: string } }).message.messageId)).toEqual(stored.map((result) => result.message.messageId));

    await store.appendBatch([{ message: roomMessage(roomId, 4, 'four'), announcement: announcementFor([reader]) }]);
    const findsThere = await messageFindsDuring(scratch, () => otherReplica.nextToPublish(10));
    expect(findsThere).toBe(1);
  });
});
