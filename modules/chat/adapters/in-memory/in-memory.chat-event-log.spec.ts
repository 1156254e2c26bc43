import { describeChatEventLogContract } from '@chatterroom/test/contract/ports/chat/chat-event-log.contract';
import { InMemoryChatEventLog } from './in-memory.chat-event-log';

describeChatEventLogContract('InMemoryChatEventLog', async () => {
  const log = new InMemoryChatEventLog();
  return { log, twin: log, close: async () => {} };
});
