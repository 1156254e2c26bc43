import { describeUserRepositoryContract } from '@chatterroom/test/contract/ports/users/user-repository.contract';
import { openScratchSqlite } from '@chatterroom/test/kits/sqlite/sqlite-scratch';
import { SqliteUserRepository } from './sqlite-user.repository';
import { usersSqliteMigrations } from './users.sqlite-migrations';

describeUserRepositoryContract('SqliteUserRepository (SQLite file)', async () => {
  const scratch = openScratchSqlite(usersSqliteMigrations, 'users.db');
  return { repository: new SqliteUserRepository({ usersSqlite: scratch.database }), close: scratch.dispose };
});
