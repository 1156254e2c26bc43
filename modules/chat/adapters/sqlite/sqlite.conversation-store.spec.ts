import { describeConversationStoreContract } from '@chatterroom/test/contract/ports/chat/conversation-store.contract';
import { openScratchSqlite } from '@chatterroom/test/kits/sqlite/sqlite-scratch';
import { chatSqliteMigrations } from './chat.sqlite-migrations';
import { SqliteConversationStore } from './sqlite.conversation-store';

describeConversationStoreContract('SqliteConversationStore (SQLite file)', async () => {
  const scratch = openScratchSqlite(chatSqliteMigrations, 'chat.db');
  return { store: new SqliteConversationStore({ chatSqlite: scratch.database }), close: scratch.dispose };
});
