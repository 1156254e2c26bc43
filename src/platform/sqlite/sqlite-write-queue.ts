import type { DatabaseSync } from 'node:sqlite';

interface QueuedWrite {
  readonly work: () => unknown;
  readonly resolve: (value: unknown) => void;
  readonly reject: (reason: unknown) => void;
}

type Outcome = { readonly ok: true; readonly value: unknown } | { readonly ok: false; readonly error: unknown };

/**
 * Group commit: the writes asked for during one turn of the event loop run together in one
 * `BEGIN IMMEDIATE … COMMIT`, so one fsync makes a whole burst durable. Each write runs in a
 * savepoint of its own: one that throws is rolled back alone and rejects alone. Every promise
 * settles only after the COMMIT returned, so a resolved write is on disk (with
 * `synchronous = FULL`); when the COMMIT fails, every write of the batch rejects.
 * Writes run in the order asked, each seeing the ones before it.
 */
export class SqliteWriteQueue {
  private pending: QueuedWrite[] = [];
  private scheduled: NodeJS.Immediate | undefined;

  constructor(private readonly db: DatabaseSync) {}

  /** Runs `work` (synchronous statements on the database) in the next batch; resolves with its result once committed. */
  run<T>(work: () => T): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.pending.push({ work, resolve: resolve as (value: unknown) => void, reject });
      this.scheduled ??= setImmediate(() => this.flush());
    });
  }

  /** Runs what is queued now, synchronously (before closing the database). */
  flush(): void {
    if (this.scheduled !== undefined) clearImmediate(this.scheduled);
    this.scheduled = undefined;
    const batch = this.pending;
    this.pending = [];
    if (batch.length === 0) return;
    try {
      this.db.exec('BEGIN IMMEDIATE');
    } catch (error) {
      batch.forEach((write) => write.reject(error));
      return;
    }
    const outcomes = batch.map((write) => this.runOne(write));
    try {
      this.db.exec('COMMIT');
    } catch (error) {
      if (this.db.isTransaction) this.db.exec('ROLLBACK');
      batch.forEach((write) => write.reject(error));
      return;
    }
    batch.forEach((write, index) => {
      const outcome = outcomes[index]!;
      if (outcome.ok) write.resolve(outcome.value);
      else write.reject(outcome.error);
    });
  }

  private runOne(write: QueuedWrite): Outcome {
    this.db.exec('SAVEPOINT write');
    try {
      const value = write.work();
      this.db.exec('RELEASE write');
      return { ok: true, value };
    } catch (error) {
      this.db.exec('ROLLBACK TO write');
      this.db.exec('RELEASE write');
      return { ok: false, error };
    }
  }
}
