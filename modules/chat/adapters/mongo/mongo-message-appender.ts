import type { MikroORM } from '@mikro-orm/mongodb';
import { KeyedSerialQueue } from '@chatterroom/kernel';
import { isDuplicateKeyError } from '@chatterroom/platform/mongo';
import type { ChatMessage } from '../../contracts';
import type { AppendRequest, AppendResult } from '../../ports';
import { recordAnnouncement } from '../../domain/announcement';
import { conversationOfBatch, idempotencyKeyOf, planAppendBatch } from '../../domain/append-batch';
import type { MikroOrmChatEventLog } from './mikro-orm.chat-event-log';
import { OrderedInsertCombiner } from './insert-combiner';
import { MongoSeqClaims } from './mongo-seq-claims';
import { MongoSendClaims, type SendClaim } from './mongo-send-claims';
import { messageSchema, type MessageDocument } from './message.schema';
import { derivedMessageId, keyedMessageIdOf, messageIdOf, toChatMessage, toDocument } from './message.document-mapping';

/** Tries of one batch while other replicas take the same seqs. */
const MAX_ATTEMPTS = 50;

/** A request of the batch whose send another writer claimed: answered by that writer's message. */
interface Contested {
  readonly contested: SendClaim;
}

/**
 * Group commit of one conversation's messages on MongoDB/FerretDB, in few round trips whatever
 * the batch's size: one unordered insert of the claims of the keyed sends ({@link MongoSendClaims});
 * one unordered insert of the seq markers ({@link MongoSeqClaims}, then a `$max` of the
 * conversation's counter); one `insertMany` of their announcements' intents into the outbox;
 * one ordered `insertMany` of the messages. The intents wait for the batch's last message: the
 * insert is ordered, so once it exists every message before it does, and the relay checks one
 * message per batch. A send whose claim another replica holds takes no seq: after the batch is
 * stored (the conversation's queue released) it waits for that replica's message and answers
 * with it, or takes the send over when the claim went stale. Without transactions an insert may
 * still clash (a twin stored by a stalled claim holder, or a message stored before seq markers
 * existed): the messages stored before the clash stand, the intents of the rest are withdrawn,
 * the seqs not stored under go back to the seq claims (except one a stored message holds) and
 * the rest go again. Within a process, one conversation's batches run one at a time; the
 * batches of different conversations committing at the same moment share each of these inserts
 * (one command per step for all of them: see insert-combiner.ts).
 */
export class MongoMessageAppender {
  private readonly seqs: MongoSeqClaims;
  private readonly sends: MongoSendClaims;
  private readonly conversations = new KeyedSerialQueue();
  private readonly messageInserts = new OrderedInsertCombiner(() => this.collection());

  constructor(private readonly deps: { mongoOrm: MikroORM; chatEventLog: MikroOrmChatEventLog | undefined }) {
    this.seqs = new MongoSeqClaims(deps.mongoOrm);
    this.sends = new MongoSendClaims(deps.mongoOrm);
  }

  async appendBatch(requests: readonly AppendRequest[]): Promise<AppendResult[]> {
    if (requests.some((request) => request.announcement !== undefined) && this.deps.chatEventLog === undefined) {
      throw new Error('MikroOrmMessageStore needs chatEventLog to record announcements');
    }
    return this.appendHolding(requests, []);
  }

  /** Appends the requests, `held` the claims this process already holds on some of their sends. */
  private async appendHolding(requests: readonly AppendRequest[], held: readonly SendClaim[]): Promise<AppendResult[]> {
    const conversation = conversationOfBatch(requests);
    const outcomes = await this.conversations.run(conversation, () => this.appendNow(requests, held));
    return Promise.all(outcomes.map((outcome, index) => ('contested' in outcome ? this.answerContested(requests[index] as AppendRequest, outcome.contested) : outcome)));
  }

  /** The message of a send another writer claimed, once stored; or stored here after taking the stale claim over. */
  private async answerContested(request: AppendRequest, contested: SendClaim): Promise<AppendResult> {
    const settled = await this.sends.awaitHolder(contested, async () => this.collection().findOne({ _id: contested.messageId }));
    if ('stored' in settled) return { message: toChatMessage(settled.stored), created: false };
    const [result] = await this.appendHolding([request], [settled.held]);
    return result as AppendResult;
  }

  private async appendNow(requests: readonly AppendRequest[], alreadyHeld: readonly SendClaim[]): Promise<(AppendResult | Contested)[]> {
    const held = new Map(alreadyHeld.map((claim) => [claim.messageId, claim]));
    const claimedHere: SendClaim[] = [];
    const results = new Array<AppendResult | Contested | undefined>(requests.length);
    let pending = requests.map((_, index) => index);
    try {
      for (let attempt = 1; pending.length > 0; attempt += 1) {
        const batch = pending.map((index) => requests[index] as AppendRequest);
        const lookedUp = attempt > 1 ? batch : batch.filter(({ message }) => held.has(keyedMessageIdOf(message) ?? ''));
        const plan = planAppendBatch(batch, await this.earlierOf(lookedUp, attempt > 1));
        const contested = await this.claimSends(plan.fresh, held, claimedHere);
        const uncontested = plan.fresh.flatMap(({ message }, position) => (contested.has(keyedMessageIdOf(message) ?? '') ? [] : [position]));
        const prefix = await this.store(plan.conversation, uncontested.map((position) => plan.fresh[position] as AppendRequest));
        const stored = new Map(prefix.map((message, index) => [uncontested[index] as number, message]));
        const next: number[] = [];
        plan.slots.forEach((slot, position) => {
          const index = pending[position] as number;
          if ('earlier' in slot) results[index] = { message: slot.earlier, created: false };
          else if ('fresh' in slot) {
            const request = plan.fresh[slot.fresh] as AppendRequest;
            const claim = contested.get(keyedMessageIdOf(request.message) ?? '');
            const message = stored.get(slot.fresh);
            if (claim !== undefined) results[index] = { contested: claim };
            else if (message !== undefined) results[index] = { message, created: true };
            else next.push(index);
          } else {
            const twin = results[pending[slot.twinOf] as number];
            if (twin === undefined) next.push(index);
            else results[index] = 'contested' in twin ? twin : { message: twin.message, created: false };
          }
        });
        if (next.length > 0 && attempt >= MAX_ATTEMPTS) throw new Error(`No free seq in ${plan.conversation} after ${attempt} tries`);
        pending = next;
      }
    } catch (error) {
      await this.sends.release(claimedHere).catch(() => undefined);
      throw error;
    }
    return results as (AppendResult | Contested)[];
  }

  /**
   * Claims the keyed sends among `fresh` that this process does not hold yet (adding them to
   * `held` and `claimedHere`); returns the ones another writer holds, by messageId.
   */
  private async claimSends(fresh: readonly AppendRequest[], held: Map<string, SendClaim>, claimedHere: SendClaim[]): Promise<Map<string, SendClaim>> {
    const unclaimed = fresh.flatMap(({ message }) => {
      const messageId = keyedMessageIdOf(message);
      return messageId === undefined || held.has(messageId) ? [] : [messageId];
    });
    const refused = await this.sends.claim(unclaimed);
    for (const messageId of unclaimed) {
      if (refused.has(messageId)) continue;
      const claim = { messageId, generation: 1 };
      held.set(messageId, claim);
      claimedHere.push(claim);
    }
    return new Map([...refused].map((messageId) => [messageId, { messageId, generation: 1 }]));
  }

  /**
   * Stores the new messages under seqs claimed for them, their intents first; returns the
   * messages stored, a prefix of `fresh` (shorter when a unique index refused one).
   */
  private async store(conversation: string, fresh: readonly AppendRequest[]): Promise<ChatMessage[]> {
    if (fresh.length === 0) return [];
    const { seqs, recorded } = await this.seqs.take(conversation, fresh.length);
    recorded.catch(() => undefined);
    const documents = fresh.map(({ message }, index) => {
      const messageId = messageIdOf(message);
      return toDocument(message, messageId, seqs[index] as number, idempotencyKeyOf(message) ?? messageId);
    });
    const messages = documents.map(toChatMessage);
    const lastId = (messages[messages.length - 1] as ChatMessage).messageId;
    const intents = fresh.flatMap(({ announcement }, index) => {
      const message = messages[index] as ChatMessage;
      return announcement === undefined ? [] : [{ event: recordAnnouncement(announcement, message), requires: lastId, own: message.messageId }];
    });
    if (intents.length > 0) await this.deps.chatEventLog?.recordIntents(intents);
    const [inserted] = await Promise.all([this.insertInOrder(documents), recorded]);
    if (intents.length > 0) this.deps.chatEventLog?.messagesStored(inserted);
    if (inserted.size < documents.length) {
      if (intents.length > 0) await this.settleIntents(intents, inserted);
      this.seqs.giveBack(conversation, await this.seqsFree(documents.filter((document) => !inserted.has(document._id))));
    }
    const prefix: ChatMessage[] = [];
    for (const message of messages) {
      if (!inserted.has(message.messageId)) break;
      prefix.push(message);
    }
    return prefix;
  }

  /** The seqs of the documents not stored that no stored message holds (a scan on FerretDB; only after a clash). */
  private async seqsFree(unstored: readonly MessageDocument[]): Promise<number[]> {
    const holders = await Promise.all(unstored.map(({ conversation, seq }) => this.collection().findOne({ conversation, seq }, { projection: { _id: 1 } })));
    return unstored.filter((_, index) => holders[index] === null).map(({ seq }) => seq);
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
      await this.messageInserts.insert(documents);
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
   * stored before messageIds were derived. The first attempt looks up only the sends whose claim
   * this process took over: any other retry of a stored send finds its claim taken (and waits for
   * the holder's message by `_id`), or clashes on the derived `_id` or the unique `dedupeKey`
   * and is found on the next attempt, so a fresh send costs no lookup.
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

  private collection() {
    return this.deps.mongoOrm.em.getCollection<MessageDocument>(messageSchema);
  }
}
