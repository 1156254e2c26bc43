import { describeChatEventLogContract } from '@chatterroom/test/contract/ports/chat/chat-event-log.contract';
import { openScratchSqlite } from '@chatterroom/platform/sqlite/sqlite-scratch.testing';
import { chatSqliteMigrations } from './chat.sqlite-migrations';
import { SqliteChatEventLog } from './sqlite.chat-event-log';

describeChatEventLogContract('SqliteChatEventLog (SQLite file)', async () => {
  const scratch = openScratchSqlite(chatSqliteMigrations, 'chat.db');
  const log = new SqliteChatEventLog({ chatSqlite: scratch.database });
  return { log, twin: log, close: scratch.dispose };
});
