import { randomUUID } from 'node:crypto';
import { roomConversation } from '../../domain/conversation-key';
import { roomMessage } from '@chatterroom/test/contract/ports/chat/message-store.fixtures';
import { openScratchOrm, type ScratchOrm } from '@chatterroom/test/kits/mongo/mongo-scratch-orm';
import { countCommandsDuring, monitoredMongoTestUrl } from '@chatterroom/test/kits/mongo/command-count';
import { MikroOrmChatEventLog } from './mikro-orm.chat-event-log';
import { MikroOrmMessageStore } from './mikro-orm.message-store';
import { chatEntities } from '.';

jest.setTimeout(120_000);

const ROOMS = 30;
const rooms = Array.from({ length: ROOMS }, (_, index) => index + 1);

/**
 * Private chats and quiet rooms: many conversations, one message each at a time, so group
 * commit inside a conversation saves nothing. Their commits of one moment share each insert
 * (claims, seq markers, outbox intents, messages: see insert-combiner.ts), and each still gets
 * exactly its own outcome.
 */
describe('MikroOrmMessageStore: many conversations committing at once', () => {
  let scratch: ScratchOrm;

  beforeAll(async () => {
    scratch = await openScratchOrm(monitoredMongoTestUrl('chat_many_conversations'), chatEntities);
  });

  afterAll(async () => {
    await scratch.dispose();
  });

  it(`stores one message in each of ${ROOMS} rooms with a few inserts, not four per message; a retry among them gets its stored message`, async () => {
    const chatEventLog = new MikroOrmChatEventLog({ mongoOrm: scratch.orm });
    const store = new MikroOrmMessageStore({ mongoOrm: scratch.orm, chatEventLog });
    const announcement = (roomId: number) => ({ id: randomUUID(), type: 'chat.message-posted.v1', occurredAt: new Date().toISOString(), audience: [], roomId, payloadOf: (message: unknown) => ({ message }) });
    const retried = randomUUID();
    const [first] = await store.appendBatch([{ message: roomMessage(1, 7, 'first', retried), announcement: announcement(1) }]);

    let results: Awaited<ReturnType<MikroOrmMessageStore['appendBatch']>>[] = [];
    const inserts = await countCommandsDuring(
      scratch.orm,
      (event) => (event.commandName === 'insert' ? 1 : 0),
      async () => {
        results = await Promise.all(
          rooms.map((roomId) =>
            store.appendBatch([
              roomId === 1
                ? { message: roomMessage(1, 7, 'first', retried), announcement: announcement(1) }
                : { message: roomMessage(roomId, 7, `hello ${roomId}`, randomUUID()), announcement: announcement(roomId) },
            ]),
          ),
        );
      },
    );

    // One per step when all 30 commit in step (8 here on a quiet machine, 13 under the test run's load, as the
    // conversations' counter reads come back at different moments); 117 when each caller gets its own command.
    expect(inserts).toBeLessThan(40);
    expect(results[0]?.[0]).toEqual({ message: first?.message, created: false });
    for (const roomId of rooms.slice(1)) {
      const [result] = results[roomId - 1] ?? [];
      expect(result).toMatchObject({ created: true, message: { roomId, seq: 1, message: `hello ${roomId}` } });
      const stored = await store.page({ conversation: roomConversation(roomId), limit: 10, afterSeq: 0 });
      expect(stored.map(({ messageId, seq }) => ({ messageId, seq }))).toEqual([{ messageId: result?.message.messageId, seq: 1 }]);
    }
    const logged = await chatEventLog.nextToPublish(100);
    expect(new Set(logged.map((event) => event.roomId))).toEqual(new Set(rooms));
  });
});
