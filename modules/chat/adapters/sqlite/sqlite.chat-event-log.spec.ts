import { describeChatEventLogContract } from '@chatterroom/test/contract/ports/chat/chat-event-log.contract';
import { openScratchSqlite } from '@chatterroom/test/kits/sqlite/sqlite-scratch';
import { chatSqliteMigrations } from './chat.sqlite-migrations';
import { SqliteChatEventLog } from './sqlite.chat-event-log';

describeChatEventLogContract('SqliteChatEventLog (SQLite file)', async () => {
  const scratch = openScratchSqlite(chatSqliteMigrations, 'chat.db');
  const log = new SqliteChatEventLog({ chatSqlite: scratch.database });
  const row = scratch.database.db.prepare('SELECT * FROM chat_events WHERE event_id = ?');
  return { log, twin: log, stored: async (id) => (row.get(id) as object | undefined) ?? null, close: scratch.dispose };
});
