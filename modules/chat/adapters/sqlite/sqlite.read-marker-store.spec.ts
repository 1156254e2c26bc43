import { describeReadMarkerStoreContract } from '@chatterroom/test/contract/ports/chat/read-marker-store.contract';
import { openScratchSqlite } from '@chatterroom/test/kits/sqlite/sqlite-scratch';
import { chatSqliteMigrations } from './chat.sqlite-migrations';
import { SqliteReadMarkerStore } from './sqlite.read-marker-store';

describeReadMarkerStoreContract('SqliteReadMarkerStore (SQLite file)', async () => {
  const scratch = openScratchSqlite(chatSqliteMigrations, 'chat.db');
  return { store: new SqliteReadMarkerStore({ chatSqlite: scratch.database }), close: scratch.dispose };
});
