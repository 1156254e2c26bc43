import type { MikroORM } from '@mikro-orm/mongodb';
import { KeyedSerialQueue } from '@chatterroom/kernel';
import { counterSchema, type CounterDocument } from './counter.schema';
import { isDuplicateKeyError } from './duplicate-key';

/** Tries per allocation; each failed try means another writer took the value, so all make progress. */
const MAX_ATTEMPTS = 50;

/** How to store one record under the next value of a counter. */
export interface NextValueInsert<T> {
  /** The counter's name, such as `userId` or `seq:room:7`. */
  readonly counter: string;
  /** Stores the record under `value`. The value's own unique index must refuse a taken value. */
  insert(value: number): Promise<T>;
  /**
   * Called after `insert` hit a unique index: returns (or throws) what settles the call when
   * another key clashed, or undefined when `value` itself was taken, to try the next one.
   */
  onDuplicate(value: number): Promise<T | undefined>;
  /** The highest value already stored, or 0: the counter is raised to it before the next try. */
  highestTaken(): Promise<number>;
}

/**
 * Named integer counters in the `counters` collection: `next` is an atomic
 * `findOneAndUpdate({_id}, {$inc: {value: 1}}, {upsert, returnDocument: 'after'})`.
 * On MongoDB every caller, in any replica, gets a distinct value. FerretDB (1.x) runs the
 * same command as an unisolated read-modify-write, so concurrent callers may get one value
 * twice and increments may be lost. A value is therefore only a proposal: `insertWithNext`
 * stores the record under it with a unique index (atomic on both servers) and, when the
 * value turns out taken, raises the counter to the highest stored value and tries again.
 * Within one process, allocations of one counter run one at a time, so only other
 * replicas can race for a value.
 */
export class MongoCounters {
  private readonly allocations = new KeyedSerialQueue();

  constructor(private readonly orm: MikroORM) {}

  /** The counter's next value, starting at 1. */
  next(name: string): Promise<number> {
    return this.take(name, 1);
  }

  /**
   * Takes `count` values at once (one round trip): returns the last of them, so they are
   * `last - count + 1` to `last`. The same caveat as {@link next} holds on FerretDB.
   */
  async take(name: string, count: number): Promise<number> {
    return this.retryingUpsertRace(async () => {
      const counter = await this.collection().findOneAndUpdate(
        { _id: name },
        { $inc: { value: count } },
        { upsert: true, returnDocument: 'after' },
      );
      if (counter === null) throw new Error(`Counter ${name} was not returned by findOneAndUpdate`);
      return counter.value;
    });
  }

  /** Raises the counter to at least `value`; never lowers it. */
  async raiseTo(name: string, value: number): Promise<void> {
    await this.retryingUpsertRace(() => this.collection().updateOne({ _id: name }, { $max: { value } }, { upsert: true }));
  }

  /** Stores a record under the counter's next free value; see {@link NextValueInsert}. */
  insertWithNext<T>(spec: NextValueInsert<T>): Promise<T> {
    return this.allocations.run(spec.counter, () => this.insertWithNextNow(spec));
  }

  private async insertWithNextNow<T>(spec: NextValueInsert<T>): Promise<T> {
    for (let attempt = 1; ; attempt += 1) {
      const value = await this.next(spec.counter);
      try {
        return await spec.insert(value);
      } catch (error) {
        if (!isDuplicateKeyError(error)) throw error;
        const settled = await spec.onDuplicate(value);
        if (settled !== undefined) return settled;
        if (attempt >= MAX_ATTEMPTS) throw new Error(`No free value of counter ${spec.counter} after ${attempt} tries`);
        await this.raiseTo(spec.counter, await spec.highestTaken());
        await pause(Math.random() * attempt);
      }
    }
  }

  private collection() {
    return this.orm.em.getCollection<CounterDocument>(counterSchema);
  }

  /** Two first upserts of one counter may race on its `_id`; the loser simply runs again. */
  private async retryingUpsertRace<T>(operation: () => Promise<T>): Promise<T> {
    try {
      return await operation();
    } catch (error) {
      if (!isDuplicateKeyError(error)) throw error;
      return operation();
    }
  }
}

const pause = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
