import { describeMessageStoreContract } from '@chatterroom/test/contract/ports/chat/message-store.contract';
import { openScratchSqlite } from '@chatterroom/test/kits/sqlite/sqlite-scratch';
import { chatSqliteMigrations } from './chat.sqlite-migrations';
import { SqliteChatEventLog } from './sqlite.chat-event-log';
import { SqliteMessageStore } from './sqlite.message-store';

describeMessageStoreContract('SqliteMessageStore (SQLite file)', async () => {
  const scratch = openScratchSqlite(chatSqliteMigrations, 'chat.db');
  const eventLog = new SqliteChatEventLog({ chatSqlite: scratch.database });
  return { store: new SqliteMessageStore({ chatSqlite: scratch.database, chatEventLog: eventLog }), eventLog, close: scratch.dispose };
});
