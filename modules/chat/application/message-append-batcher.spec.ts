import { describeMessageAppendBatcherContract } from '@chatterroom/test/contract/ports/chat/message-append-batcher.contract';
import { openScratchSqlite } from '@chatterroom/test/kits/sqlite/sqlite-scratch';
import { InMemoryChatEventLog } from '../adapters/in-memory/in-memory.chat-event-log';
import { InMemoryMessageStore } from '../adapters/in-memory/in-memory.message-store';
import { chatSqliteMigrations } from '../adapters/sqlite/chat.sqlite-migrations';
import { SqliteChatEventLog } from '../adapters/sqlite/sqlite.chat-event-log';
import { SqliteMessageStore } from '../adapters/sqlite/sqlite.message-store';

describeMessageAppendBatcherContract('InMemoryMessageStore', async () => {
  const eventLog = new InMemoryChatEventLog();
  return { store: new InMemoryMessageStore({ chatEventLog: eventLog }), eventLog, close: async () => undefined };
});

describeMessageAppendBatcherContract('SqliteMessageStore (SQLite file)', async () => {
  const scratch = openScratchSqlite(chatSqliteMigrations, 'chat.db');
  const eventLog = new SqliteChatEventLog({ chatSqlite: scratch.database });
  return { store: new SqliteMessageStore({ chatSqlite: scratch.database, chatEventLog: eventLog }), eventLog, close: scratch.dispose };
});
