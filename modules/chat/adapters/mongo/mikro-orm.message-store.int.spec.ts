import { randomUUID } from 'node:crypto';
import { roomConversation } from '../../domain/conversation-key';
import { describeMessageStoreContract } from '@chatterroom/test/contract/ports/chat/message-store.contract';
import { mongoTestUrl } from '@chatterroom/test/harness/services/service-urls';
import { openScratchOrm } from '@chatterroom/test/kits/mongo/mongo-scratch-orm';
import { MikroOrmChatEventLog } from './mikro-orm.chat-event-log';
import { MikroOrmMessageStore } from './mikro-orm.message-store';
import { chatEntities } from '.';

describeMessageStoreContract('MikroOrmMessageStore (MongoDB wire protocol)', async () => {
  const scratch = await openScratchOrm(mongoTestUrl('chat_messages'), chatEntities);
  const eventLog = new MikroOrmChatEventLog({ mongoOrm: scratch.orm });
  return { store: new MikroOrmMessageStore({ mongoOrm: scratch.orm, chatEventLog: eventLog }), eventLog, close: scratch.dispose };
});

describe('MikroOrmMessageStore: two replicas group-committing one conversation', () => {
  it('stores every message once under distinct, gap-free seqs, each replica keeping its batches in order', async () => {
    const scratch = await openScratchOrm(mongoTestUrl('chat_messages_replicas'), chatEntities);
    try {
      const eventLog = new MikroOrmChatEventLog({ mongoOrm: scratch.orm });
      const replicas = [0, 1].map(() => new MikroOrmMessageStore({ mongoOrm: scratch.orm, chatEventLog: eventLog }));
      const conversation = roomConversation(77);
      const message = (replica: number, batch: number, index: number, clientMessageId?: string) => ({
        message: { conversation, kind: 'room' as const, senderId: replica + 1, roomId: 77, message: `r${replica} b${batch} m${index}`, timestamp: new Date().toISOString(), ...(clientMessageId ? { clientMessageId } : {}) },
      });
      const shared = randomUUID();
      const batches = await Promise.all(
        [0, 1].flatMap((replica) =>
          [0, 1, 2, 3].map((batch) =>
            (replicas[replica] as MikroOrmMessageStore).appendBatch([0, 1, 2, 3, 4].map((index) => message(replica, batch, index, index === 0 && replica === 0 ? `${shared}-${batch}` : undefined))),
          ),
        ),
      );
      const results = batches.flat();
      expect(results.every((result) => result.created)).toBe(true);
      for (const batch of batches) expect(batch.map((result) => result.message.seq)).toEqual([...batch.map((result) => result.message.seq)].sort((a, b) => a - b));
      const page = await replicas[0]?.page({ conversation, limit: 200 });
      expect(page?.map((stored) => stored.seq)).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
      expect(new Set(page?.map((stored) => stored.message)).size).toBe(40);
    } finally {
      await scratch.dispose();
    }
  });
});
