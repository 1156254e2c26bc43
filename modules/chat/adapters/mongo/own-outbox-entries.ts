import type { ChatOutboxDocument } from './chat-event.schema';

/** How many unmoved entries one process remembers; beyond it the relay reads the outbox until it has drained. */
const REMEMBERED = 5_000;

/** What {@link OwnOutboxEntries.readStarting} notes when a read of the outbox begins. */
export interface OutboxReadMark {
  /** Records begun so far. */
  readonly begun: number;
  /** Records begun and not settled. */
  readonly inFlight: number;
  /** Records settled so far: the entries they wrote were committed before the read began. */
  readonly settled: number;
}

/** What a read of the outbox found: the oldest entries, in recording order, and whether that was all of them. */
export interface OutboxRead {
  readonly entries: readonly ChatOutboxDocument[];
  readonly whole: boolean;
}

interface Remembered {
  readonly document: ChatOutboxDocument;
  /** The count of settled records when this entry's was settled. */
  readonly settledAs: number;
}

/**
 * The outbox entries this process recorded and no move has taken yet, in recording order, so
 * the relay can move them without reading the outbox (a scan of it on FerretDB, whose cost grows
 * with every entry waiting there). While complete, every entry of this process in the outbox is
 * here, in the order recorded: moving the oldest first keeps this process's order. It stops being
 * complete when it overflows, or when a record failed in a way that may have left its entries in
 * the outbox; the relay then reads the outbox, and it is complete again once a read found nothing
 * left and no record was begun or in flight since that read began. An entry another process moved
 * (a reader's move there, or the relay of a process leading before this one) is forgotten at the
 * next read of the outbox that should have found it.
 */
export class OwnOutboxEntries {
  private readonly entries = new Map<string, Remembered>();
  private complete = true;
  private begun = 0;
  private inFlight = 0;
  private settled = 0;

  constructor(private readonly capacity: number = REMEMBERED) {}

  /** A record is about to write: pair with {@link recorded} or {@link failed}. */
  beginRecord(): void {
    this.begun += 1;
    this.inFlight += 1;
  }

  /** The entries are durable in the outbox (inserted, or replacing earlier entries of the same ids, which move to the end). */
  recorded(documents: readonly ChatOutboxDocument[]): void {
    this.inFlight -= 1;
    this.settled += 1;
    if (!this.complete) return;
    for (const document of documents) {
      this.entries.delete(document._id);
      this.entries.set(document._id, { document, settledAs: this.settled });
    }
    if (this.entries.size > this.capacity) this.lose();
  }

  /** The record failed: its entries may or may not be in the outbox. */
  failed(): void {
    this.inFlight -= 1;
    this.settled += 1;
    this.lose();
  }

  /** The oldest entries, at most `limit`; undefined while incomplete (read the outbox instead). */
  oldest(limit: number): ChatOutboxDocument[] | undefined {
    if (!this.complete) return undefined;
    const oldest: ChatOutboxDocument[] = [];
    for (const { document } of this.entries.values()) {
      if (oldest.length >= limit) break;
      oldest.push(document);
    }
    return oldest;
  }

  /** How many entries are remembered (those of this process waiting in the outbox, while complete). */
  get size(): number {
    return this.entries.size;
  }

  /** The ids of the remembered entries whose intents wait for one of these messages. */
  requiring(messageIds: ReadonlySet<string>): string[] {
    const ids: string[] = [];
    for (const [id, { document }] of this.entries) if (document.requires !== null && messageIds.has(document.requires)) ids.push(id);
    return ids;
  }

  /** Applies a change made to those entries in the outbox (the ones not remembered are left). */
  update(ids: Iterable<string>, change: (entry: ChatOutboxDocument) => ChatOutboxDocument): void {
    for (const id of ids) {
      const entry = this.entries.get(id);
      if (entry !== undefined) this.entries.set(id, { ...entry, document: change(entry.document) });
    }
  }

  /** The entries left the outbox (moved into the log, or withdrawn). */
  remove(ids: Iterable<string>): void {
    for (const id of ids) this.entries.delete(id);
  }

  /** A read of the whole outbox begins. */
  readStarting(): OutboxReadMark {
    return { begun: this.begun, inFlight: this.inFlight, settled: this.settled };
  }

  /**
   * What the read that began at `mark` found. Entries settled before it began that it should have
   * found and did not are no longer in the outbox: forgotten. `drained`: it found all (`whole`) and
   * all of it has been moved since.
   */
  readFinished(mark: OutboxReadMark, read: OutboxRead, drained: boolean): void {
    const found = new Set(read.entries.map((entry) => entry._id));
    const newestFound = read.entries.at(-1)?.recordKey;
    for (const [id, { document, settledAs }] of this.entries) {
      if (settledAs > mark.settled || found.has(id)) continue;
      if (read.whole || (newestFound !== undefined && document.recordKey < newestFound)) this.entries.delete(id);
    }
    if (!this.complete && drained && mark.inFlight === 0 && this.begun === mark.begun) this.complete = true;
  }

  private lose(): void {
    this.entries.clear();
    this.complete = false;
  }
}
