import type { MikroORM } from '@mikro-orm/mongodb';
import { isDuplicateKeyError } from '@chatterroom/platform/mongo/duplicate-key';
import type { ChatEventDraft, ChatEventLog, LoggedChatEvent } from '../../ports';
import { chatEventSchema, chatOutboxSchema, type ChatEventDocument, type ChatOutboxDocument } from './chat-event.schema';
import { messageSchema } from './message.schema';
import { OrderedInsertCombiner } from './insert-combiner';
import { MovedEvents } from './moved-events';
import { StoredMessageIds } from './stored-message-ids';
import { EventPages } from './event-pages';
import { EventNames } from './event-names';
import { MembershipSpans } from '../../domain/membership-spans';
import { readPagedFor } from './paged-event-reader';
import { RelayCursor } from './relay-cursor';
import { OwnOutboxEntries } from './own-outbox-entries';

/** An intent whose message never appeared this long after it was recorded: its writer died before the insert. */
const ABANDONED_INTENT_MS = 30_000;
/** How many outbox entries a read moves into the log before it reads. */
const READ_YOUR_WRITES_BATCH = 500;
/** Tries to give one event a position while other relays take the same ones. */
const MAX_POSITION_TRIES = 50;
/**
 * How often an idle relay reads the log (a scan of all of it on FerretDB, slower as the log grows) for
 * events whose mover died before raising the `last` mark. A clash on a position (such events sit where
 * the next mover inserts) has the log read at the next chance instead.
 */
const LOG_READ_EVERY_MS = 30_000;
/** How often a relay moving its own entries reads the outbox anyway: entries of a process that died, or that did not nudge. */
const OUTBOX_READ_EVERY_MS = 1_000;

/**
 * {@link ChatEventLog} on MongoDB without transactions. `record` writes the event to
 * `chat_outbox`, with no position; `nextToPublish` moves outbox entries, oldest first, into
 * `chat_events` under the positions after the highest, in one ordered insert (MongoDB inserts
 * its documents one after another; FerretDB in one SQLite transaction): so a position is only
 * ever visible once the one below it is, and readers never skip one. Lookups of documents go
 * by `_id`, alone or `$in` (FerretDB's SQLite backend uses no other index).
 * Several relays (chat-service replicas) may move at once: the unique index on `position`
 * refuses a position taken twice (the loser reads the new highest and tries again) and `_id`
 * (the event id) refuses an event moved twice. An entry whose `requires` message does not
 * exist yet is waited for (its writer is between the two inserts), and dropped once
 * abandoned (the writer died before storing the message, which was then never acknowledged);
 * the messages this process stored are known to exist without a lookup ({@link messagesStored}).
 * The message store writes such intents with {@link recordIntent}.
 * Reads go by `_id` alone ({@link EventPages}): each moved event is also copied into the page of its
 * position, and the highest and lowest positions are kept in mark documents, so a reader fetches
 * one page per hundred positions after its cursor instead of scanning `chat_events`. The room events
 * naming a user are noted in that user's document of `chat_event_names` ({@link EventNames}), so a
 * reader learns when it was in which room with one more lookup, whatever the number of its rooms. Readers that
 * arrive while a move waits to start share it rather than each queueing a move of its own.
 */
export class MikroOrmChatEventLog implements ChatEventLog {
  private moving: Promise<void> = Promise.resolve();
  /** A move queued for readers and not started yet: readers arriving now share it. */
  private queuedForReaders: Promise<void> | undefined;
  private readonly pages: EventPages;
  private readonly names: EventNames;
  /** The highest position this process inserted (or read); undefined until known, or after a clash. */
  private lastKnownPosition: number | undefined;
  private readonly moved = new MovedEvents();
  private readonly outboxInserts = new OrderedInsertCombiner(() => this.outbox());
  /** When {@link unpublished} last read the log (ms since the epoch). */
  private lastLogRead = 0;
  /** A clash on a position since that read: events may sit above the `last` mark. */
  private logReadDue = true;
  /** Messages this process stored lately ({@link messagesStored}): their intents are ready without a lookup. */
  private readonly stored = new StoredMessageIds();
  /** The batch {@link nextToPublish} handed out last and not yet marked: the oldest unpublished events, in position order. */
  private handedOut: LoggedChatEvent[] = [];
  /** The outbox entries this process recorded and has not moved: what the relay moves without reading the outbox. */
  private readonly own = new OwnOutboxEntries();
  /** Another process may have recorded entries since the outbox was last read ({@link othersMayHaveRecorded}). */
  private othersRecorded = true;
  /** When the outbox was last read (ms since the epoch). */
  private lastOutboxRead = 0;

  /** `options.outboxReadEveryMs`: see OUTBOX_READ_EVERY_MS (tests set it). The deps are the container's cradle: only registered names. */
  constructor(
    private readonly deps: { mongoOrm: MikroORM },
    private readonly options: { outboxReadEveryMs?: number } = {},
  ) {
    this.pages = new EventPages(deps);
    this.names = new EventNames(deps);
  }

  async record(event: ChatEventDraft): Promise<void> {
    const document = outboxDocumentOf(event, null);
    await this.recording(async () => {
      try {
        await this.outbox().insertOne(document);
        return [document];
      } catch (error) {
        if (!isDuplicateKeyError(error)) throw error;
        return [];
      }
    });
  }

  /**
   * Records an event that may be published only once message `requires` exists. Replaces an
   * earlier intent of the same id (a retried insert under the next seq rewrites its payload).
   */
  async recordIntent(event: ChatEventDraft, requires: string): Promise<void> {
    const document = outboxDocumentOf(event, requires);
    await this.recording(async () => {
      await this.outbox().replaceOne({ _id: event.id }, document, { upsert: true });
      return [document];
    });
  }

  /** Runs a write into the outbox, then remembers what it wrote as this process's ({@link OwnOutboxEntries}). */
  private async recording(write: () => Promise<ChatOutboxDocument[]>): Promise<void> {
    this.own.beginRecord();
    let written: ChatOutboxDocument[];
    try {
      written = await write();
    } catch (error) {
      this.own.failed();
      throw error;
    }
    this.own.recorded(written);
  }

  /** The messageIds that intents still wait for, to be stored (the outbox is short: it holds what no relay has moved yet). */
  async pendingRequirements(): Promise<string[]> {
    const waiting = await this.outbox().find({ requires: { $ne: null } }, { projection: { requires: 1 } }).toArray();
    return waiting.flatMap((entry) => (entry.requires === null ? [] : [entry.requires]));
  }

  /**
   * Lets intents whose messages were stored move without waiting for those messages any more:
   * called before the messages are deleted (a deleted room's history), so their events keep
   * their place instead of stalling the log until they count as abandoned.
   */
  async release(messageIds: readonly string[]): Promise<void> {
    if (messageIds.length === 0) return;
    await this.outbox().updateMany({ requires: { $in: [...messageIds] } }, { $set: { requires: null } });
    this.own.update(this.own.requiring(new Set(messageIds)), (entry) => ({ ...entry, requires: null }));
  }

  /**
   * Records the intents of a batch of messages in one write (each as {@link recordIntent}), shared
   * with the batches of other conversations recording at the same moment.
   * An intent recorded before under the same id is replaced, in a slower write.
   */
  async recordIntents(intents: readonly { readonly event: ChatEventDraft; readonly requires: string }[]): Promise<void> {
    const documents = intents.map(({ event, requires }) => outboxDocumentOf(event, requires));
    await this.recording(async () => {
      try {
        await this.outboxInserts.insert(documents);
      } catch (error) {
        if (!isDuplicateKeyError(error)) throw error;
        await this.outbox().bulkWrite(documents.map((document) => ({ replaceOne: { filter: { _id: document._id }, replacement: document, upsert: true } })));
      }
      return documents;
    });
  }

  /**
   * Tells the relay of this process that these messages are stored (their insert acknowledged):
   * intents requiring them are moved without reading `messages` (a scan of it on stock FerretDB, an `_id` index read on the build here). Only
   * ids known stored may be passed; an intent whose message this process did not store is
   * checked in the database as before. Synchronous, idempotent, bounded in memory.
   */
  messagesStored(messageIds: Iterable<string>): void {
    this.stored.add(messageIds);
  }

  /** Makes intents wait for other messages (each its own, when a batch was stored only in part). */
  async requireEach(intents: readonly { readonly id: string; readonly requires: string }[]): Promise<void> {
    if (intents.length === 0) return;
    await this.outbox().bulkWrite(intents.map(({ id, requires }) => ({ updateOne: { filter: { _id: id }, update: { $set: { requires } } } })));
    for (const { id, requires } of intents) this.own.update([id], (entry) => ({ ...entry, requires }));
  }

  /** Withdraws intents whose changes did not happen. */
  async withdrawMany(ids: readonly string[]): Promise<void> {
    if (ids.length === 0) return;
    await this.outbox().deleteMany({ _id: { $in: [...ids] } });
    this.own.remove(ids);
  }

  /** Withdraws an intent whose change did not happen. */
  async withdraw(id: string): Promise<void> {
    await this.outbox().deleteOne({ _id: id });
    this.own.remove([id]);
  }

  othersMayHaveRecorded(): void {
    this.othersRecorded = true;
  }

  /**
   * Without reading the log when this process moved the events that follow the last ones it
   * saw published (a query on `published` is a scan on FerretDB); else the oldest unpublished.
   */
  async nextToPublish(limit: number): Promise<LoggedChatEvent[]> {
    await this.moveNow(limit);
    const known = this.moved.next(limit) ?? ((await this.nothingElsePending()) ? [] : undefined);
    const batch = known ?? (await this.unpublished(limit));
    this.moved.handedOut(batch);
    this.handedOut = batch;
    return batch;
  }

  /**
   * True when this process published everything it moved, read the log less than
   * {@link LOG_READ_EVERY_MS} ago and saw no clash on a position since, and the `last` mark (one `_id` lookup) shows no event after
   * what it published: another relay's events raise the mark, and an event whose mover died
   * before raising it is found by the next read of the log.
   */
  private async nothingElsePending(): Promise<boolean> {
    const through = this.moved.idleThrough();
    if (through === undefined || this.logReadDue || Date.now() - this.lastLogRead >= LOG_READ_EVERY_MS) return false;
    return (await this.markedLast()) <= through;
  }

  /**
   * The events of the last batch handed out, from its first up to the first not among `ids`,
   * are published through the last of them: the relay cursor moves there in one write. Any
   * other id is flagged on its own document.
   */
  async markPublished(ids: readonly string[]): Promise<void> {
    if (ids.length === 0) return;
    const marked = new Set(ids);
    const prefix = takeWhile(this.handedOut, (event) => marked.has(event.id));
    const through = prefix.at(-1)?.position;
    if (through !== undefined) await this.relayCursor().advance(through);
    const inPrefix = new Set(prefix.map((event) => event.id));
    const others = ids.filter((id) => !inPrefix.has(id));
    if (others.length > 0) {
      await this.events().bulkWrite(others.map((id) => ({ updateOne: { filter: { _id: id }, update: { $set: { published: true } } } })), { ordered: false });
    }
    this.handedOut = this.handedOut.filter((event) => !marked.has(event.id));
    this.moved.published(ids);
  }

  /** Moves what the outbox holds first, so a reader sees every change acknowledged before it asked; then reads pages. */
  async readFor(userId: number, after: number, limit: number, rooms: readonly number[]): Promise<LoggedChatEvent[]> {
    await this.moveForReaders();
    const spans = new MembershipSpans(await this.names.of(userId, after), rooms);
    const source = {
      pages: this.pages,
      between: async (from: number, to: number) => (await this.events().find({ position: { $gte: from, $lte: to } }).toArray()).map(toLogged),
      byId: async (id: string) => {
        const found = await this.events().findOne({ _id: id });
        return found === null ? null : toLogged(found);
      },
    };
    return readPagedFor(source, (event) => spans.sees(userId, event), after, limit, await this.markedLast());
  }

  /** Moves what the outbox holds first (a cursor of now covers every change acknowledged before), then reads the `last` mark. */
  async lastPosition(): Promise<number> {
    await this.moveForReaders();
    return this.markedLast();
  }

  /** The `last` mark (one `_id` lookup); the log is scanned only when the mark was never set. */
  private async markedLast(): Promise<number> {
    return (await this.pages.mark('last')) ?? (await this.scannedLastPosition());
  }

  /** The `first` mark, raised by each prune; the log is scanned only when the mark was never set. */
  async firstPosition(): Promise<number | null> {
    const marked = await this.pages.mark('first');
    if (marked !== undefined) return marked;
    const first = await this.scannedFirstPosition();
    if (first !== null) await this.pages.noteFirst(first);
    return first;
  }

  /** The highest position stored, read from the log itself (a scan on FerretDB), and noted in the `last` mark. */
  private async scannedLastPosition(): Promise<number> {
    const [newest] = await this.events().find({}, { projection: { position: 1 } }).sort({ position: -1 }).limit(1).toArray();
    if (newest !== undefined) await this.pages.noteLast(newest.position);
    return newest?.position ?? 0;
  }

  private async scannedFirstPosition(): Promise<number | null> {
    const [oldest] = await this.events().find({}, { projection: { position: 1 } }).sort({ position: 1 }).limit(1).toArray();
    return oldest?.position ?? null;
  }

  async prune(before: Date): Promise<number> {
    const last = await this.scannedLastPosition();
    const through = await this.relayCursor().publishedThrough();
    const prunable = {
      occurredAt: { $lt: before.toISOString() },
      position: { $lt: last },
      $or: [{ published: true }, { position: { $lte: through } }],
    };
    const pruned = await this.events().find(prunable, { projection: { position: 1 } }).toArray();
    const result = await this.events().deleteMany(prunable);
    const first = await this.scannedFirstPosition();
    if (first !== null) await this.pages.noteFirst(first);
    await this.pages.remove(
      pruned.map((event) => event.position),
      first,
    );
    return result.deletedCount;
  }

  /**
   * The oldest events after the relay cursor not flagged published, in position order, read from
   * the log (a scan on FerretDB): the `last` mark is raised to them, and the users they name noted, in case
   * their mover died before it did.
   */
  private async unpublished(limit: number): Promise<LoggedChatEvent[]> {
    this.lastLogRead = Date.now();
    this.logReadDue = false;
    const through = await this.relayCursor().publishedThrough();
    const batch = (await this.events().find({ position: { $gt: through }, published: false }).sort({ position: 1 }).limit(limit).toArray()).map(toLogged);
    const newest = batch.at(-1);
    if (newest === undefined) return batch;
    await this.names.add(batch);
    await this.pages.noteLast(newest.position);
    return batch;
  }

  /** Moves outbox entries into the log, one mover at a time in this process. */
  private async moveNow(limit: number): Promise<void> {
    const move = this.moving.then(() => this.moveFromOutbox(limit, false));
    this.moving = move.catch(() => undefined);
    await move;
  }

  /** A move for a reader: the one queued and not started yet, when there is one (it starts after the reader asked), else a new one. */
  private moveForReaders(): Promise<void> {
    if (this.queuedForReaders !== undefined) return this.queuedForReaders;
    const move = this.moving.then(() => {
      this.queuedForReaders = undefined;
      return this.moveFromOutbox(READ_YOUR_WRITES_BATCH, true);
    });
    this.queuedForReaders = move;
    this.moving = move.catch(() => undefined);
    return move;
  }

  /**
   * Moves the oldest outbox entries, at most `limit`: this process's own ({@link OwnOutboxEntries}), or, for
   * `everyones` (readers, who must see every acknowledged change), after another process may have recorded,
   * or while the own entries are not all known, the oldest of the outbox, read from it.
   */
  private async moveFromOutbox(limit: number, everyones: boolean): Promise<void> {
    const readDue = everyones || this.othersRecorded || Date.now() - this.lastOutboxRead >= (this.options.outboxReadEveryMs ?? OUTBOX_READ_EVERY_MS);
    const own = readDue ? undefined : this.own.oldest(limit);
    const read = own === undefined ? this.own.readStarting() : undefined;
    if (own === undefined) {
      this.othersRecorded = false;
      this.lastOutboxRead = Date.now();
    }
    const entries = own ?? (await this.outbox().find({}).sort({ recordKey: 1 }).limit(limit).toArray());
    const ready = entries.length === 0 ? [] : await this.readyPrefix(entries);
    if (ready.length > 0) {
      await this.insertInOrder(ready);
      await this.outbox().deleteMany({ _id: { $in: ready.map((entry) => entry._id) } });
      this.own.remove(ready.map((entry) => entry._id));
      for (const entry of ready) if (entry.requires !== null) this.stored.forget(entry.requires);
    }
    if (read !== undefined) {
      const whole = entries.length < limit;
      this.own.readFinished(read, { entries, whole }, whole && ready.length === entries.length);
    }
  }

  /**
   * Inserts the entries under the positions after the last this process knows, in one ordered
   * insert. When another relay took one of those positions, or moved one of the entries, the
   * rest go one at a time after the highest position stored.
   */
  private async insertInOrder(entries: readonly ChatOutboxDocument[]): Promise<void> {
    const first = (this.lastKnownPosition ?? (await this.markedLast())) + 1;
    try {
      const documents = entries.map((entry, index) => eventDocumentOf(entry, first + index));
      await this.events().insertMany(documents, { ordered: true });
      this.lastKnownPosition = first + entries.length - 1;
      const logged = documents.map(toLogged);
      this.moved.inserted(logged);
      await this.paged(logged);
      return;
    } catch (error) {
      if (!isDuplicateKeyError(error)) throw error;
    }
    this.lastKnownPosition = undefined;
    this.logReadDue = true;
    this.moved.forget();
    let last = await this.scannedLastPosition();
    for (const entry of entries) {
      if (await this.isInLog(entry._id)) continue;
      last = await this.insertAfter(entry, last);
    }
  }

  private async isInLog(id: string): Promise<boolean> {
    return (await this.events().findOne({ _id: id }, { projection: { _id: 1 } })) !== null;
  }

  /** The entries that may move now, in order: up to the first whose message is still on its way. */
  private async readyPrefix(entries: ChatOutboxDocument[]): Promise<ChatOutboxDocument[]> {
    const required = [...new Set(entries.flatMap((entry) => (entry.requires === null || this.stored.has(entry.requires) ? [] : [entry.requires])))];
    const messages = this.deps.mongoOrm.em.getCollection(messageSchema);
    const found = required.length === 0 ? [] : await messages.find({ _id: { $in: required } }, { projection: { _id: 1 } }).toArray();
    const existing = new Set(found.map((message) => message._id));
    const ready: ChatOutboxDocument[] = [];
    for (const entry of entries) {
      if (entry.requires === null || this.stored.has(entry.requires) || existing.has(entry.requires)) {
        ready.push(entry);
        continue;
      }
      if (Date.now() - entry.recordedAt.getTime() < ABANDONED_INTENT_MS) break;
      await this.withdraw(entry._id);
    }
    return ready;
  }

  /** Inserts the entry under the position after `last` (or after whatever another relay took); returns its position. */
  private async insertAfter(entry: ChatOutboxDocument, last: number): Promise<number> {
    let position = last + 1;
    for (let attempt = 1; ; attempt += 1) {
      try {
        const document = eventDocumentOf(entry, position);
        await this.events().insertOne(document);
        await this.paged([toLogged(document)]);
        return position;
      } catch (error) {
        if (!isDuplicateKeyError(error)) throw error;
        this.logReadDue = true;
        if (await this.isInLog(entry._id)) return position - 1;
        if (attempt >= MAX_POSITION_TRIES) throw new Error(`No free position for chat event ${entry._id} after ${attempt} tries`);
        position = (await this.scannedLastPosition()) + 1;
      }
    }
  }

  /** Copies inserted events into their pages and notes the users they name, then raises the `last` mark to them. */
  private async paged(events: readonly LoggedChatEvent[]): Promise<void> {
    const newest = events.at(-1);
    if (newest === undefined) return;
    await Promise.all([this.pages.add(events), this.names.add(events)]);
    await this.pages.noteLast(newest.position);
  }

  private relayCursor(): RelayCursor {
    return new RelayCursor(this.deps.mongoOrm);
  }

  private events() {
    return this.deps.mongoOrm.em.getCollection<ChatEventDocument>(chatEventSchema);
  }

  private outbox() {
    return this.deps.mongoOrm.em.getCollection<ChatOutboxDocument>(chatOutboxSchema);
  }
}

let recorded = 0;
let lastRecordedMs = 0;

/**
 * The recording order key: the time (never going back in this process, even when the wall
 * clock does, so a later record never sorts before an earlier one) and a counter for records
 * within one millisecond.
 */
const outboxDocumentOf = (event: ChatEventDraft, requires: string | null): ChatOutboxDocument => {
  lastRecordedMs = Math.max(Date.now(), lastRecordedMs);
  const recordedAt = new Date(lastRecordedMs);
  recorded = (recorded + 1) % 1_000_000_000;
  return {
    _id: event.id,
    type: event.type,
    occurredAt: event.occurredAt,
    payload: event.payload ?? null,
    audience: [...event.audience],
    roomId: event.roomId ?? null,
    membership: event.membership ?? null,
    origin: event.origin === undefined ? null : { ...event.origin },
    recordedAt,
    recordKey: `${recordedAt.toISOString()}.${String(recorded).padStart(9, '0')}`,
    requires,
  };
};

const eventDocumentOf = (entry: ChatOutboxDocument, position: number): ChatEventDocument => ({
  _id: entry._id,
  position,
  type: entry.type,
  occurredAt: entry.occurredAt,
  payload: entry.payload,
  audience: entry.audience,
  roomId: entry.roomId ?? null,
  membership: entry.membership ?? null,
  origin: entry.origin ?? null,
  published: false,
});

const toLogged = (document: ChatEventDocument): LoggedChatEvent => ({
  id: document._id,
  type: document.type,
  occurredAt: document.occurredAt,
  payload: document.payload,
  audience: document.audience,
  ...(document.roomId === undefined || document.roomId === null ? {} : { roomId: document.roomId }),
  ...(document.membership === undefined || document.membership === null ? {} : { membership: document.membership }),
  ...(document.origin === undefined || document.origin === null ? {} : { origin: document.origin }),
  position: document.position,
});

/** The leading elements of `items` that satisfy `test`. */
const takeWhile = <T>(items: readonly T[], test: (item: T) => boolean): T[] => {
  const end = items.findIndex((item) => !test(item));
  return items.slice(0, end === -1 ? items.length : end);
};
