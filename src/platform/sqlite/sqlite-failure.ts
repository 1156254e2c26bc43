import { messageOf, StorageError } from './storage-error';

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
