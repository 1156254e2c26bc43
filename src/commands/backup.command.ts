import { existsSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { MODULE_SQLITE_FILES } from '@chatterroom/composition/sqlite-files';
import { ConfigError } from '@chatterroom/platform/config/env-reader';
import { readStorageConfig } from '@chatterroom/platform/config/storage-config';
import { snapshotSqliteFile, StorageError } from '@chatterroom/platform/sqlite';

type Env = Readonly<Record<string, string | undefined>>;

export interface BackedUpFile {
  readonly file: string;
  readonly bytes: number;
}

const USAGE = 'usage: node dist/src/main.js backup <directory>   (npm run backup -- <directory>)';

const requireEmptyTarget = (target: string): void => {
  if (existsSync(target) && (!statSync(target).isDirectory() || readdirSync(target).length > 0)) {
    throw new ConfigError(`backup target ${target} already exists and is not an empty directory: name a new one`);
  }
  mkdirSync(target, { recursive: true });
};

/**
 * `backup <directory>`: copies every module's SQLite file from DATA_DIR into a new directory
 * with the same layout, while a server may be running on DATA_DIR. Each file is a consistent
 * snapshot (see snapshotSqliteFile); chat.db is copied before users.db, so the copy never has
 * a message from a user it lacks. Restore: stop the server, put the copied files in DATA_DIR
 * (removing any *-wal and *-shm files there), start it.
 * @throws ConfigError for a missing or non-empty target, or storage other than SQLite
 * @throws StorageError when DATA_DIR lacks a file or a file is not a database
 */
export const runBackup = (args: readonly string[], env: Env): BackedUpFile[] => {
  const [targetArg, ...extra] = args;
  if (targetArg === undefined || extra.length > 0) throw new ConfigError(USAGE);
  const storage = readStorageConfig(env);
  if (storage.kind !== 'sqlite') {
    throw new ConfigError(`backup copies SQLite storage, but STORAGE is ${storage.kind}${storage.kind === 'mongo' ? ' (back MongoDB up with mongodump)' : ''}`);
  }
  const dataDir = resolve(storage.dataDir);
  const sources = MODULE_SQLITE_FILES.map(({ fileName }) => ({ fileName, source: join(dataDir, fileName) }));
  const missing = sources.filter(({ source }) => !existsSync(source)).map(({ fileName }) => fileName);
  if (missing.length > 0) throw new StorageError(`nothing to back up: DATA_DIR ${dataDir} has no ${missing.join(', ')} (has a server ever run on it?)`);
  const target = resolve(targetArg);
  requireEmptyTarget(target);
  return sources.map(({ fileName, source }) => {
    const file = join(target, fileName);
    return { file, bytes: snapshotSqliteFile(source, file) };
  });
};
