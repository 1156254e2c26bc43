import type { Collection, Document, OptionalUnlessRequiredId } from 'mongodb';
import { insertEachRefusingDuplicates, writeErrorsOf } from './unordered-insert';

/** The most documents one combined insert carries; what is left goes in the next. */
const MAX_COMBINED_DOCUMENTS = 2_048;

interface Waiting<T extends Document, R> {
  readonly documents: readonly OptionalUnlessRequiredId<T>[];
  resolve(result: R): void;
  reject(error: unknown): void;
}

/**
 * Group commit across callers for one collection: the inserts asked for while one is in flight
 * (or in the same microtask as the first) go to the database together, as one `insertMany`.
 * On FerretDB's SQLite backend each write command waits for the database's one writer, so the
 * appends of many conversations then cost one command per step instead of one each.
 */
abstract class InsertCombiner<T extends Document, R> {
  private queue: Waiting<T, R>[] = [];
  private draining = false;

  constructor(protected readonly collection: () => Collection<T>) {}

  protected enqueue(documents: readonly OptionalUnlessRequiredId<T>[]): Promise<R> {
    return new Promise<R>((resolve, reject) => {
      this.queue.push({ documents, resolve, reject });
      if (this.draining) return;
      this.draining = true;
      queueMicrotask(() => void this.drain());
    });
  }

  /** Puts callers back at the head of the queue (their documents were not inserted). */
  protected requeue(waiting: readonly Waiting<T, R>[]): void {
    this.queue.unshift(...waiting);
  }

  private async drain(): Promise<void> {
    while (this.queue.length > 0) {
      const batch = this.takeBatch();
      try {
        await this.insertBatch(batch);
      } catch (error) {
        for (const waiting of batch) waiting.reject(error);
      }
    }
    this.draining = false;
  }

  private takeBatch(): Waiting<T, R>[] {
    let documents = 0;
    let count = 0;
    while (count < this.queue.length && (count === 0 || documents + (this.queue[count] as Waiting<T, R>).documents.length <= MAX_COMBINED_DOCUMENTS)) {
      documents += (this.queue[count] as Waiting<T, R>).documents.length;
      count += 1;
    }
    return this.queue.splice(0, count);
  }

  /** Inserts the batch's documents and settles every caller of it (a throw rejects them all). */
  protected abstract insertBatch(batch: readonly Waiting<T, R>[]): Promise<void>;
}

/** {@link insertEachRefusingDuplicates} for many callers at once: each gets the positions of its own documents a unique index refused. */
export class UnorderedInsertCombiner<T extends Document> extends InsertCombiner<T, Set<number>> {
  /**
   * Inserts the documents unordered (each tried whatever happens to the others); resolves with
   * the positions among them that a unique index refused. Any other failure rejects, and then
   * says nothing of which documents were stored.
   */
  insert(documents: readonly OptionalUnlessRequiredId<T>[]): Promise<Set<number>> {
    return documents.length === 0 ? Promise.resolve(new Set()) : this.enqueue(documents);
  }

  protected async insertBatch(batch: readonly Waiting<T, Set<number>>[]): Promise<void> {
    const refused = await insertEachRefusingDuplicates(
      this.collection(),
      batch.flatMap((waiting) => waiting.documents),
    );
    let offset = 0;
    for (const waiting of batch) {
      const own = new Set<number>();
      for (let index = 0; index < waiting.documents.length; index += 1) if (refused.has(offset + index)) own.add(index);
      offset += waiting.documents.length;
      waiting.resolve(own);
    }
  }
}

/**
 * Ordered inserts of many callers as one ordered `insertMany`, each caller's documents together
 * and in its order. When a document is refused, the callers before its caller are stored, its
 * caller gets the driver's error (its documents before the refused one are stored, the rest are
 * not: the same as its own ordered insert), and the callers after it go again in the next insert.
 */
export class OrderedInsertCombiner<T extends Document> extends InsertCombiner<T, void> {
  /** Resolves once every document is stored; rejects as an ordered `insertMany` of them alone would. */
  insert(documents: readonly OptionalUnlessRequiredId<T>[]): Promise<void> {
    return documents.length === 0 ? Promise.resolve() : this.enqueue(documents);
  }

  protected async insertBatch(batch: readonly Waiting<T, void>[]): Promise<void> {
    try {
      await this.collection().insertMany(
        batch.flatMap((waiting) => waiting.documents),
        { ordered: true },
      );
    } catch (error) {
      const failedAt = firstWriteErrorIndex(error);
      if (failedAt === undefined) throw error;
      let offset = 0;
      for (const [position, waiting] of batch.entries()) {
        if (failedAt >= offset + waiting.documents.length) {
          offset += waiting.documents.length;
          waiting.resolve();
          continue;
        }
        waiting.reject(error);
        this.requeue(batch.slice(position + 1));
        return;
      }
      throw error;
    }
    for (const waiting of batch) waiting.resolve();
  }
}

/** The position (in the inserted list) of the first document an ordered insert refused, when the error says. */
const firstWriteErrorIndex = (error: unknown): number | undefined => {
  const index = writeErrorsOf(error)?.[0]?.index;
  return typeof index === 'number' ? index : undefined;
};
