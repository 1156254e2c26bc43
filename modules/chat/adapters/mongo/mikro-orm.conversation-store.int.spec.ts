import type { ChatMessage } from '../../contracts';
import { describeConversationStoreContract } from '@chatterroom/test/contract/ports/chat/conversation-store.contract';
import { mongoTestUrl } from '@chatterroom/test/harness/services/service-urls';
import { openScratchOrm } from '@chatterroom/test/kits/mongo/mongo-scratch-orm';
import { MikroOrmConversationStore } from './mikro-orm.conversation-store';
import { chatEntities } from '.';

describeConversationStoreContract('MikroOrmConversationStore (MongoDB wire protocol)', async () => {
  const scratch = await openScratchOrm(mongoTestUrl('chat_conversations'), chatEntities);
  return { store: new MikroOrmConversationStore({ mongoOrm: scratch.orm }), close: scratch.dispose };
});

describe('MikroOrmConversationStore: two processes on one database', () => {
  const roomMessage = (seq: number): ChatMessage => ({
    messageId: `two-${seq}-${Math.random().toString(36).slice(2)}`,
    kind: 'room',
    senderId: 7,
    roomId: 42,
    message: `r${seq}`,
    timestamp: new Date(Date.UTC(2030, 0, 1, 0, 0, seq)).toISOString(),
    seq,
  });

  it('keeps the newest summary when a process that skips its read (it wrote the last one it saw) writes an older one', async () => {
    const url = mongoTestUrl('chat_conversations_two');
    const first = await openScratchOrm(url, chatEntities);
    const second = await openScratchOrm(url, chatEntities);
    try {
      const here = new MikroOrmConversationStore({ mongoOrm: first.orm });
      const there = new MikroOrmConversationStore({ mongoOrm: second.orm });
      const conversation = 'room:42';
      await here.recordMessage({ conversation, message: roomMessage(1) });
      await there.recordMessage({ conversation, message: roomMessage(3) });
      await here.recordMessage({ conversation, message: roomMessage(2) });
      expect((await there.findMany([conversation])).map(({ lastSeq }) => lastSeq)).toEqual([3]);
      await here.recordMessage({ conversation, message: roomMessage(3) });
      const fourth = roomMessage(4);
      await here.recordMessage({ conversation, message: fourth });
      expect(await there.findMany([conversation])).toEqual([{ conversation, lastSeq: 4, lastMessage: fourth, updatedAt: fourth.timestamp }]);
    } finally {
      await second.orm.close();
      await first.dispose();
    }
  });
});
