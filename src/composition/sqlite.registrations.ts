import { join } from 'node:path';
import { asFunction, type NameAndRegistrationPair } from 'awilix';
import type { Logger } from '@chatterroom/kernel';
import { prepareDataDir, SqliteDatabase, StorageError } from '@chatterroom/platform/sqlite';
import { MODULE_SQLITE_FILES } from './sqlite-files';

export interface SqliteCradle {
  readonly usersSqlite: SqliteDatabase;
  readonly chatSqlite: SqliteDatabase;
}

/**
 * Opens every module's SQLite file in DATA_DIR, creating and migrating as needed. Any problem
 * stops the start with a StorageError naming the file and DATA_DIR (files already opened are
 * closed again). Each database closes with the container.
 */
export const sqliteRegistrations = (dataDir: string, logger: Logger): NameAndRegistrationPair<SqliteCradle> => {
  const opened: { key: keyof SqliteCradle; database: SqliteDatabase }[] = [];
  try {
    const dir = prepareDataDir(dataDir);
    for (const { key, fileName, migrations } of MODULE_SQLITE_FILES) {
      const database = SqliteDatabase.open({ file: join(dir, fileName), migrations });
      opened.push({ key, database });
      logger.info({ file: database.file, schemaVersion: database.migration.to, migratedFrom: database.migration.from }, 'SQLite database ready');
    }
  } catch (error) {
    opened.forEach(({ database }) => database.close());
    if (error instanceof StorageError) throw new StorageError(`${error.message} (DATA_DIR=${dataDir})`, { cause: error });
    throw error;
  }
  return Object.fromEntries(
    opened.map(({ key, database }) => [key, asFunction(() => database).singleton().disposer(() => database.close())]),
  ) as unknown as NameAndRegistrationPair<SqliteCradle>;
};
