import { accessSync, constants, existsSync, mkdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { messageOf as reason, StorageError } from './storage-error';

/**
 * Makes sure DATA_DIR exists (creating it and its parents) and that this process can write
 * files in it, by writing and removing a probe file. Returns the absolute path.
 * @throws StorageError naming DATA_DIR when it is a file, cannot be created or is not writable
 */
export const prepareDataDir = (dataDir: string): string => {
  const path = resolve(dataDir);
  if (existsSync(path) && !statSync(path).isDirectory()) throw new StorageError(`DATA_DIR ${path} is a file, not a directory`);
  try {
    mkdirSync(path, { recursive: true });
  } catch (error) {
    throw new StorageError(`DATA_DIR ${path} cannot be created: ${reason(error)}`, { cause: error });
  }
  if (!statSync(path).isDirectory()) throw new StorageError(`DATA_DIR ${path} is a file, not a directory`);
  const probe = join(path, `.write-probe-${process.pid}`);
  try {
    accessSync(path, constants.R_OK | constants.W_OK | constants.X_OK);
    writeFileSync(probe, '');
    rmSync(probe);
  } catch (error) {
    throw new StorageError(`DATA_DIR ${path} is not writable by this process: ${reason(error)}`, { cause: error });
  }
  return path;
};
