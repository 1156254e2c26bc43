import { describeRoomMembershipContract } from '@chatterroom/test/contract/ports/chat/room-membership.contract';
import { openScratchSqlite } from '@chatterroom/test/kits/sqlite/sqlite-scratch';
import { chatSqliteMigrations } from './chat.sqlite-migrations';
import { SqliteRoomMembership } from './sqlite.room-membership';

describeRoomMembershipContract('SqliteRoomMembership (SQLite file)', async () => {
  const scratch = openScratchSqlite(chatSqliteMigrations, 'chat.db');
  return { membership: new SqliteRoomMembership({ chatSqlite: scratch.database }), close: scratch.dispose };
});
