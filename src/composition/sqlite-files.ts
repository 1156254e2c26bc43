import { usersSqliteMigrations } from '@chatterroom/users/adapters/sqlite';
import { chatSqliteMigrations } from '@chatterroom/chat/adapters/sqlite';
import type { SqliteMigration } from '@chatterroom/platform/sqlite';

export interface ModuleSqliteFile {
  /** The awilix key the module's SQLite adapters take their database from. */
  readonly key: 'usersSqlite' | 'chatSqlite';
  /** The file's name in DATA_DIR. */
  readonly fileName: string;
  readonly migrations: readonly SqliteMigration[];
}

/**
 * One SQLite file per module, as the split deployment gives each service its own database:
 * a module owns its tables and its schema version (`PRAGMA user_version` is per file), and
 * moving a module to a service of its own moves one file. Backups copy them in this order,
 * chat before users, so a restored chat.db never names a user the restored users.db lacks.
 */
export const MODULE_SQLITE_FILES: readonly ModuleSqliteFile[] = [
  { key: 'chatSqlite', fileName: 'chat.db', migrations: chatSqliteMigrations },
  { key: 'usersSqlite', fileName: 'users.db', migrations: usersSqliteMigrations },
];
