import type { Collection, Document, OptionalUnlessRequiredId } from 'mongodb';
import { isDuplicateKeyError } from '@chatterroom/platform/mongo';

/**
 * Inserts the documents unordered (each one tried, whatever happens to the others) and returns
 * the positions that a unique index refused. Any other failure is thrown.
 */
export const insertEachRefusingDuplicates = async <T extends Document>(collection: Collection<T>, documents: readonly OptionalUnlessRequiredId<T>[]): Promise<Set<number>> => {
  if (documents.length === 0) return new Set();
  try {
    await collection.insertMany([...documents], { ordered: false });
    return new Set();
  } catch (error) {
    const writeErrors = writeErrorsOf(error);
    if (writeErrors === undefined || writeErrors.length === 0 || !writeErrors.every(isDuplicateKeyError)) throw error;
    return new Set(writeErrors.map(({ index }) => index));
  }
};

interface WriteError {
  readonly index: number;
  readonly code?: unknown;
}

/** The per-document errors a failed insertMany reports (each with its position in the inserted list), if any. */
export const writeErrorsOf = (error: unknown): readonly WriteError[] | undefined => {
  if (typeof error !== 'object' || error === null) return undefined;
  const { writeErrors } = error as { writeErrors?: WriteError | WriteError[] };
  if (writeErrors === undefined) return undefined;
  return Array.isArray(writeErrors) ? writeErrors : [writeErrors];
};
