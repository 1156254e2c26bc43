import { describeSessionStoresContract } from '@chatterroom/test/contract/ports/users/session-stores.contract';
import { openScratchSqlite } from '@chatterroom/test/kits/sqlite/sqlite-scratch';
import { SqliteKeyStore } from './sqlite.key-store';
import { SqliteSessionStore } from './sqlite.session-store';
import { SqliteTicketStore } from './sqlite.ticket-store';
import { usersSqliteMigrations } from './users.sqlite-migrations';

describeSessionStoresContract('SQLite file', async () => {
  const scratch = openScratchSqlite(usersSqliteMigrations, 'users.db');
  const deps = { usersSqlite: scratch.database };
  return {
    keyStore: new SqliteKeyStore(deps),
    sessionStore: new SqliteSessionStore(deps),
    ticketStore: new SqliteTicketStore(deps),
    close: scratch.dispose,
  };
});
