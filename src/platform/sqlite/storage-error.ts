/**
 * Thrown at start-up when the storage cannot be used as it is: a DATA_DIR that is a file or
 * not writable, a corrupt database, one written by a newer version. The message names the
 * problem, the file and the variable to fix; the process stops instead of starting empty.
 */
export class StorageError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'StorageError';
  }
}

/** The message of any thrown value (node:sqlite's errors may come from another realm than `Error`). */
export const messageOf = (error: unknown): string =>
  typeof (error as { message?: unknown } | null)?.message === 'string' ? (error as { message: string }).message : String(error);
