import { describeRoomStoreContract } from '@chatterroom/test/contract/ports/chat/room-store.contract';
import { openScratchSqlite } from '@chatterroom/test/kits/sqlite/sqlite-scratch';
import { chatSqliteMigrations } from './chat.sqlite-migrations';
import { SqliteRoomStore } from './sqlite.room-store';

describeRoomStoreContract('SqliteRoomStore (SQLite file)', async () => {
  const scratch = openScratchSqlite(chatSqliteMigrations, 'chat.db');
  return { store: new SqliteRoomStore({ chatSqlite: scratch.database }), close: scratch.dispose };
});
