import { describeMessageStoreContract } from '../../../../test/contract/ports/chat/message-store.contract';
import { openScratchSqlite } from '../../../../src/platform/sqlite/sqlite-scratch.testing';
import { chatSqliteMigrations } from './chat.sqlite-migrations';
import { SqliteMessageStore } from './sqlite.message-store';

describeMessageStoreContract('SqliteMessageStore (SQLite file)', async () => {
  const scratch = openScratchSqlite(chatSqliteMigrations, 'chat.db');
  return { store: new SqliteMessageStore({ chatSqlite: scratch.database }), close: scratch.dispose };
});
