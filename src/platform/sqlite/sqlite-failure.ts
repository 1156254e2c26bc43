import { DomainError } from '@chatterroom/kernel';
import { messageOf, StorageError } from '../storage/storage-error';

/** SQLite's primary result codes that say something about the file itself. */
const FILE_PROBLEMS: Readonly<Record<number, string>> = {
  8: 'is read-only for this process',
  10: 'could not be read or written (I/O error)',
  11: 'is corrupt',
  13: 'cannot grow: the disk is full',
  14: 'cannot be opened',
  26: 'is not a SQLite database (corrupt, or another kind of file)',
};

/**
 * Turns a failure while opening or migrating a file into a StorageError that names the file
 * and the problem; a StorageError passes through unchanged.
 */
export const describeSqliteFailure = (error: unknown, file: string): Error => {
  if (error instanceof StorageError) return error;
  const errcode = (error as { errcode?: unknown }).errcode;
  const problem = typeof errcode === 'number' ? FILE_PROBLEMS[errcode & 0xff] : undefined;
  const detail = messageOf(error);
  return new StorageError(
    problem === undefined ? `${file} could not be opened: ${detail}` : `${file} ${problem} (${detail}); refusing to start rather than use an empty or damaged database`,
    { cause: error },
  );
};

/** Failures of a write that say the storage, not the request, is at fault. */
const WRITE_PROBLEMS: Readonly<Record<number, string>> = {
  8: 'its database file became read-only',
  10: 'reading or writing its database file failed (I/O error)',
  13: 'the disk holding DATA_DIR is full',
};

/**
 * A write the storage could not take (disk full, I/O error, file turned read-only) becomes a
 * DomainError STORAGE_UNAVAILABLE (503): nothing of it was stored, the process keeps running,
 * and the same request succeeds once the operator fixed the disk. Anything else passes through.
 */
export const describeWriteFailure = (error: unknown): unknown => {
  const errcode = (error as { errcode?: unknown } | null)?.errcode;
  const problem = typeof errcode === 'number' ? WRITE_PROBLEMS[errcode & 0xff] : undefined;
  return problem === undefined ? error : new DomainError('STORAGE_UNAVAILABLE', 'unavailable', `The server cannot store data right now: ${problem}. Nothing was stored; try again later.`);
};
