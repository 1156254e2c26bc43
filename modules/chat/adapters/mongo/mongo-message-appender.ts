import type { MikroORM } from '@mikro-orm/mongodb';
import { KeyedSerialQueue } from '../../../kernel';
import { MongoCounters } from '../../../../src/platform/mongo/mongo-counters';
import { isDuplicateKeyError } from '../../../../src/platform/mongo';
import type { ChatMessage } from '../../contracts';
import type { AppendRequest, AppendResult } from '../../ports';
import { recordAnnouncement } from '../../domain/announcement';
import { conversationOfBatch, idempotencyKeyOf, planAppendBatch } from '../../domain/append-batch';
import type { MikroOrmChatEventLog } from './mikro-orm.chat-event-log';
import { messageSchema, type MessageDocument } from './message.schema';
import { derivedMessageId, messageIdOf, toChatMessage, toDocument } from './message.document-mapping';

/** Tries of one batch while other replicas take the same seqs. */
const MAX_ATTEMPTS = 50;

/**
 * Group commit of one conversation's messages on MongoDB/FerretDB, in four round trips
 * whatever the batch's size: the retries' earlier messages by `_id` (one pushed-down lookup
 * each, in parallel), one `$inc` of the conversation's counter by the number of new messages,
 * one `insertMany` of their announcements' intents into the outbox, one ordered `insertMany`
 * of the messages. The intents wait for the batch's last message: the insert is ordered, so
 * once it exists every message before it does, and the relay checks one message per batch. Without transactions a replica may race for the same seqs (FerretDB's
 * counter is not isolated) or store a retry's twin meanwhile: the unique (conversation, seq)
 * and `_id` indexes refuse the clash, the messages stored before it stand, the intents of
 * the rest are withdrawn, and the rest go again after the counter is raised to the highest
 * stored seq. Within a process, one conversation's batches run one at a time.
 */
export class MongoMessageAppender {
  private readonly counters: MongoCounters;
  private readonly conversations = new KeyedSerialQueue();

  constructor(private readonly deps: { mongoOrm: MikroORM; chatEventLog: MikroOrmChatEventLog | undefined }) {
    this.counters = new MongoCounters(deps.mongoOrm);
  }

  async appendBatch(requests: readonly AppendRequest[]): Promise<AppendResult[]> {
    if (requests.some((request) => request.announcement !== undefined) && this.deps.chatEventLog === undefined) {
      throw new Error('MikroOrmMessageStore needs chatEventLog to record announcements');
    }
    const conversation = conversationOfBatch(requests);
    return this.conversations.run(conversation, () => this.appendNow(requests));
  }

  private async appendNow(requests: readonly AppendRequest[]): Promise<AppendResult[]> {
    const results = new Array<AppendResult | undefined>(requests.length);
    let pending = requests.map((_, index) => index);
    for (let attempt = 1; pending.length > 0; attempt += 1) {
      const batch = pending.map((index) => requests[index] as AppendRequest);
      const plan = planAppendBatch(batch, await this.earlierOf(batch, attempt > 1));
      const stored = await this.store(plan.conversation, plan.fresh);
      const next: number[] = [];
      plan.slots.forEach((slot, position) => {
        const index = pending[position] as number;
        if ('earlier' in slot) results[index] = { message: slot.earlier, created: false };
        else if ('fresh' in slot && stored[slot.fresh] !== undefined) results[index] = { message: stored[slot.fresh] as ChatMessage, created: true };
        else if ('twinOf' in slot && results[pending[slot.twinOf] as number] !== undefined) {
          results[index] = { message: (results[pending[slot.twinOf] as number] as AppendResult).message, created: false };
        } else next.push(index);
      });
      if (next.length > 0 && attempt >= MAX_ATTEMPTS) throw new Error(`No free seq in ${plan.conversation} after ${attempt} tries`);
      if (next.length > 0) await this.counters.raiseTo(`seq:${plan.conversation}`, await this.highestSeq(plan.conversation));
      pending = next;
    }
    return results as AppendResult[];
  }

  /**
   * Stores the new messages under the next seqs, their intents first; returns the messages
   * stored, a prefix of `fresh` (shorter when a unique index refused one).
   */
  private async store(conversation: string, fresh: readonly AppendRequest[]): Promise<ChatMessage[]> {
    if (fresh.length === 0) return [];
    const last = await this.counters.take(`seq:${conversation}`, fresh.length);
    const documents = fresh.map(({ message }, index) => {
      const messageId = messageIdOf(message);
      return toDocument(message, messageId, last - fresh.length + 1 + index, idempotencyKeyOf(message) ?? messageId);
    });
    const messages = documents.map(toChatMessage);
    const lastId = (messages[messages.length - 1] as ChatMessage).messageId;
    const intents = fresh.flatMap(({ announcement }, index) => {
      const message = messages[index] as ChatMessage;
      return announcement === undefined ? [] : [{ event: recordAnnouncement(announcement, message), requires: lastId, own: message.messageId }];
    });
    if (intents.length > 0) await this.deps.chatEventLog?.recordIntents(intents);
    const inserted = await this.insertInOrder(documents);
    if (inserted.size < documents.length && intents.length > 0) await this.settleIntents(intents, inserted);
    const prefix: ChatMessage[] = [];
    for (const message of messages) {
      if (!inserted.has(message.messageId)) break;
      prefix.push(message);
    }
    return prefix;
  }

  /**
   * After a clash part of the batch is stored: its intents now wait for their own messages
   * (they waited for the batch's last one), and the intents of the rest are withdrawn.
   */
  private async settleIntents(intents: readonly { event: { id: string }; own: string }[], inserted: ReadonlySet<string>): Promise<void> {
    const log = this.deps.chatEventLog as MikroOrmChatEventLog;
    await log.requireEach(intents.filter(({ own }) => inserted.has(own)).map(({ event, own }) => ({ id: event.id, requires: own })));
    await log.withdrawMany(intents.filter(({ own }) => !inserted.has(own)).map(({ event }) => event.id));
  }

  /** Inserts the documents in order; returns the `_id`s stored (all, or those before a clash). */
  private async insertInOrder(documents: readonly MessageDocument[]): Promise<Set<string>> {
    try {
      await this.collection().insertMany([...documents], { ordered: true });
      return new Set(documents.map((document) => document._id));
    } catch (error) {
      if (!isDuplicateKeyError(error)) throw error;
      const found = await Promise.all(documents.map((document) => this.collection().findOne({ _id: document._id, seq: document.seq }, { projection: { _id: 1 } })));
      return new Set(found.flatMap((document) => (document === null ? [] : [document._id])));
    }
  }

  /**
   * The messages the batch's retries stored before, by idempotency key: looked up by their
   * derived `_id`. After a clash, also by `dedupeKey` (a scan on FerretDB), which finds a message
   * stored before messageIds were derived.
   */
  private async earlierOf(requests: readonly AppendRequest[], byDedupeKeyToo: boolean): Promise<Map<string, ChatMessage>> {
    const keyed = new Map<string, { senderId: number; clientMessageId: string }>();
    for (const { message } of requests) {
      const key = idempotencyKeyOf(message);
      if (key !== undefined && message.clientMessageId !== undefined) keyed.set(key, { senderId: message.senderId, clientMessageId: message.clientMessageId });
    }
    const found = await Promise.all(
      [...keyed].map(async ([key, { senderId, clientMessageId }]) => {
        const byId = await this.collection().findOne({ _id: derivedMessageId(senderId, clientMessageId) });
        const document = byId ?? (byDedupeKeyToo ? await this.collection().findOne({ dedupeKey: key }) : null);
        return document === null ? [] : ([[key, toChatMessage(document)]] as const);
      }),
    );
    return new Map(found.flat());
  }

  private async highestSeq(conversation: string): Promise<number> {
    const [newest] = await this.collection().find({ conversation }, { projection: { seq: 1 } }).sort({ seq: -1 }).limit(1).toArray();
    return newest?.seq ?? 0;
  }

  private collection() {
    return this.deps.mongoOrm.em.getCollection<MessageDocument>(messageSchema);
  }
}
