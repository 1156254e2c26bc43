import { describeMessageStoreContract } from '@chatterroom/test/contract/ports/chat/message-store.contract';
import { InMemoryChatEventLog } from './in-memory.chat-event-log';
import { InMemoryMessageStore } from './in-memory.message-store';

describeMessageStoreContract('InMemoryMessageStore', async () => {
  const eventLog = new InMemoryChatEventLog();
  return { store: new InMemoryMessageStore({ chatEventLog: eventLog }), eventLog, close: async () => {} };
});

describe('InMemoryMessageStore', () => {
  it('uses UUIDs as messageIds', async () => {
    const store = new InMemoryMessageStore();
    const { message } = await store.append({
      conversation: 'room:1',
      kind: 'room',
      senderId: 1,
      roomId: 1,
      message: 'hi',
      timestamp: new Date(0).toISOString(),
    });
    expect(message.messageId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});
