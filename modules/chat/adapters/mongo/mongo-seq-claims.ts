import type { MikroORM } from '@mikro-orm/mongodb';
import { MongoCounters } from '@chatterroom/platform/mongo/mongo-counters';
import { counterSchema, type CounterDocument } from '@chatterroom/platform/mongo/counter.schema';
import { UnorderedInsertCombiner } from './insert-combiner';

/** One document per seq ever handed out: `_id` is `<conversation>:<seq>`. */
export const SEQ_MARKERS = 'message_seqs';

/** Ranges tried per allocation; each refused one means other replicas took those seqs, so all make progress. */
const MAX_RANGES = 200;

/** Conversations whose highest claimed seq this process remembers; beyond it starts read the counter. */
const REMEMBERED = 10_000;

/** The counter is raised at least once per this many seqs claimed here. */
const RAISE_EVERY = 64;

/**
 * Gap-free seqs of a conversation across replicas, on MongoDB and on FerretDB (which isolates
 * neither `$inc` nor a compare-and-set, but does enforce `_id` uniqueness). A seq is taken by
 * inserting its marker document; an unordered `insertMany` of a candidate range claims every
 * free one of it at once, and the ones refused were claimed by another writer. Each range
 * starts right after a seq known to be claimed (the end of an earlier range, this process's
 * memory, an existing marker, or the counter `seq:<conversation>`, which is only ever raised
 * with `$max` to the end of a claimed range, now and then: see record), and every seq of every
 * range ends up claimed by someone; so the
 * claimed seqs are always 1..n, and every claimed seq is then stored. A caller that could not
 * store under a seq it claimed gives it back ({@link giveBack}); the next allocation of the
 * conversation in this process uses it first. A seq stays unused only when its process dies
 * between claim and insert.
 */
export class MongoSeqClaims {
  private readonly counters: MongoCounters;
  private readonly highestKnown = new Map<string, number>();
  private readonly spare = new Map<string, number[]>();
  /** The value this process last raised each conversation's counter to. */
  private readonly raised = new Map<string, number>();
  private readonly markerInserts = new UnorderedInsertCombiner(() => this.markers());

  constructor(private readonly orm: MikroORM) {
    this.counters = new MongoCounters(orm);
  }

  /**
   * Claims `count` seqs of the conversation for the caller alone: `seqs` ascending, not
   * necessarily consecutive (other replicas may hold some in between). `recorded` settles once
   * the counter is raised past them (a hint for other writers; the caller awaits it, alongside
   * its own writes). Within one process, callers of one conversation must not overlap (the
   * message appender serialises them).
   */
  async take(conversation: string, count: number): Promise<{ seqs: number[]; recorded: Promise<void> }> {
    const taken = this.takeSpare(conversation, count);
    if (taken.length === count) return { seqs: taken, recorded: Promise.resolve() };
    let start = (this.highestKnown.get(conversation) ?? (await this.counterValue(conversation))) + 1;
    let contended = false;
    for (let ranges = 1; taken.length < count; ranges += 1) {
      if (ranges > MAX_RANGES) throw new Error(`No free seq in ${conversation} after ${MAX_RANGES} ranges`);
      const need = count - taken.length;
      const refused = await this.markerInserts.insert(Array.from({ length: need }, (_, index) => ({ _id: `${conversation}:${start + index}` })));
      for (let index = 0; index < need; index += 1) if (!refused.has(index)) taken.push(start + index);
      const end = start + need - 1;
      if (refused.size > 0) contended = true;
      start = (refused.size === 0 ? end : await this.frontier(conversation, end)) + 1;
    }
    const highest = start - 1;
    this.remember(conversation, highest);
    return { seqs: taken.sort((a, b) => a - b), recorded: this.record(conversation, highest, contended) };
  }

  /**
   * Raises the counter to `highest` when other writers need it: after a contended allocation, on
   * this process's first one in the conversation, and every RAISE_EVERY seqs (an update costs
   * FerretDB about as much as the rest of a commit; a stale counter costs a writer without memory
   * of the conversation a few marker reads, see frontier).
   */
  private async record(conversation: string, highest: number, contended: boolean): Promise<void> {
    const raised = this.raised.get(conversation);
    if (!contended && raised !== undefined && Math.floor(highest / RAISE_EVERY) === Math.floor(raised / RAISE_EVERY)) return;
    this.raised.set(conversation, highest);
    await this.counters.raiseTo(counterName(conversation), highest);
  }

  /**
   * A seq known to be claimed, at or above `known`, found fast after a refusal: the higher of
   * `known` and the counter, then on while markers exist, in doubling steps (one `_id` read each).
   */
  private async frontier(conversation: string, known: number): Promise<number> {
    let claimed = Math.max(known, await this.counterValue(conversation));
    for (let step = 1; await this.isClaimed(conversation, claimed + step); step *= 2) claimed += step;
    return claimed;
  }

  private async isClaimed(conversation: string, seq: number): Promise<boolean> {
    return (await this.markers().findOne({ _id: `${conversation}:${seq}` }, { projection: { _id: 1 } })) !== null;
  }

  /** Seqs the caller claimed and did not store under: the conversation's next allocation here takes them first. */
  giveBack(conversation: string, seqs: readonly number[]): void {
    if (seqs.length === 0) return;
    this.spare.set(conversation, [...(this.spare.get(conversation) ?? []), ...seqs].sort((a, b) => a - b));
  }

  private takeSpare(conversation: string, count: number): number[] {
    const spare = this.spare.get(conversation);
    if (spare === undefined) return [];
    const taken = spare.splice(0, count);
    if (spare.length === 0) this.spare.delete(conversation);
    return taken;
  }

  private remember(conversation: string, seq: number): void {
    if (this.highestKnown.size >= REMEMBERED && !this.highestKnown.has(conversation)) {
      this.highestKnown.clear();
      this.raised.clear();
    }
    this.highestKnown.set(conversation, Math.max(seq, this.highestKnown.get(conversation) ?? 0));
  }

  private async counterValue(conversation: string): Promise<number> {
    const counter = await this.orm.em.getCollection<CounterDocument>(counterSchema).findOne({ _id: counterName(conversation) });
    return counter?.value ?? 0;
  }

  private markers() {
    return this.orm.em.getConnection().getDb().collection<{ _id: string }>(SEQ_MARKERS);
  }
}

const counterName = (conversation: string): string => `seq:${conversation}`;
