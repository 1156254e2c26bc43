import { randomUUID } from 'node:crypto';
import type { MikroORM } from '@mikro-orm/mongodb';
import { MongoCounters } from '../../../../src/platform/mongo/mongo-counters';
import { isDuplicateKeyError } from '../../../../src/platform/mongo';
import type { ChatMessage } from '../../contracts';
import type { AppendResult, ConversationKey, MessageAnnouncement, MessagePageQuery, MessageStore, MessageTextChange, NewMessage, TombstoneResult } from '../../ports';
import { recordAnnouncement } from '../../domain/announcement';
import type { MikroOrmChatEventLog } from './mikro-orm.chat-event-log';
import { messageSchema, type MessageDocument } from './message.schema';

/**
 * {@link MessageStore} on MongoDB through MikroORM: one `messages` document per message,
 * `_id` a random UUID. `seq` comes from the counter `seq:<conversation>` and a unique index
 * on (conversation, seq desc) both refuses a seq handed out twice (FerretDB) and serves
 * history pages. Idempotency rests on the unique `dedupeKey` (`<senderId>:<clientMessageId>`,
 * else the messageId): a retried send finds the earlier message when its turn to take a seq
 * comes (so twins in one process never race), and a send that loses a concurrent race with
 * its twin on another replica is refused by the index and returns the winner. Without
 * transactions, such a cross-replica lost race burns the seq it had taken: the conversation
 * then skips one number. An append whose `deadline` passed while it waited its turn is dropped
 * before it takes a seq (DEADLINE_EXCEEDED). Timestamps are stored as BSON dates and returned as ISO strings.
 * A message's announcement is recorded as an intent in the event log's outbox just before the
 * message insert (MongoDB has no multi-document transaction here): the log publishes it only
 * once the message exists, and the intent is withdrawn when the insert fails.
 * Edits are single-document updates filtered on `deleted != true` (and undone when a delete
 * won the race: FerretDB updates are not isolated). Of concurrent deletes, the one whose
 * insert into `message_deletions` (unique `_id` = messageId) succeeds reports `deletedNow`,
 * as FerretDB lets concurrent conditional updates all succeed; the rest only repeat the tombstone.
 */
/** One document per deleted message: who deleted first is whose insert succeeded. */
const MESSAGE_DELETIONS = 'message_deletions';

export class MikroOrmMessageStore implements MessageStore {
  private readonly orm: MikroORM;
  private readonly counters: MongoCounters;
  private readonly eventLog: MikroOrmChatEventLog | undefined;

  constructor(deps: { mongoOrm: MikroORM; chatEventLog?: MikroOrmChatEventLog }) {
    this.orm = deps.mongoOrm;
    this.eventLog = deps.chatEventLog;
    this.counters = new MongoCounters(deps.mongoOrm);
  }

  async append(input: NewMessage, announcement?: MessageAnnouncement): Promise<AppendResult> {
    if (announcement !== undefined && this.eventLog === undefined) throw new Error('MikroOrmMessageStore needs chatEventLog to record announcements');
    const senderKey = input.clientMessageId === undefined ? undefined : `${input.senderId}:${input.clientMessageId}`;
    const messageId = randomUUID();
    const earlier = async (): Promise<AppendResult | undefined> => {
      const found = senderKey === undefined ? null : await this.findByDedupeKey(senderKey);
      return found === null ? undefined : { message: found, created: false };
    };
    return this.counters.insertWithNext<AppendResult>({
      counter: `seq:${input.conversation}`,
      existing: earlier,
      ...(input.deadline === undefined ? {} : { deadline: input.deadline }),
      insert: async (seq) => {
        const document = toDocument(input, messageId, seq, senderKey ?? messageId);
        const message = toChatMessage(document);
        if (announcement !== undefined) await this.eventLog?.recordIntent(recordAnnouncement(announcement, message), messageId);
        try {
          await this.orm.em.fork().insert(messageSchema, document);
        } catch (error) {
          if (announcement !== undefined) await this.eventLog?.withdraw(announcement.id).catch(() => undefined);
          throw error;
        }
        return { message, created: true };
      },
      onDuplicate: earlier,
      highestTaken: async () => {
        const newest = await this.orm.em
          .fork()
          .findOne(messageSchema, { conversation: input.conversation }, { orderBy: { seq: 'desc' }, fields: ['seq'] });
        return newest?.seq ?? 0;
      },
    });
  }

  async page(query: MessagePageQuery): Promise<ChatMessage[]> {
    if (query.limit < 1) return [];
    if (query.afterSeq !== undefined) {
      const oldestFirst = await this.orm.em
        .fork()
        .find(messageSchema, { conversation: query.conversation, seq: { $gt: query.afterSeq } }, { orderBy: { seq: 'asc' }, limit: query.limit });
      return oldestFirst.map(toChatMessage);
    }
    const where = query.beforeSeq === undefined ? { conversation: query.conversation } : { conversation: query.conversation, seq: { $lt: query.beforeSeq } };
    const newestFirst = await this.orm.em.fork().find(messageSchema, where, { orderBy: { seq: 'desc' }, limit: query.limit });
    return newestFirst.reverse().map(toChatMessage);
  }

  async findInConversation(conversation: ConversationKey, messageId: string): Promise<ChatMessage | null> {
    const found = await this.orm.em.fork().findOne(messageSchema, { _id: messageId, conversation });
    return found === null ? null : toChatMessage(found);
  }

  /** Deletes the messages; the conversation's seq counter stays, so numbers are never handed out twice. */
  async deleteConversation(conversation: ConversationKey): Promise<void> {
    await this.orm.em.fork().nativeDelete(messageSchema, { conversation });
  }

  async findById(messageId: string): Promise<ChatMessage | null> {
    const found = await this.orm.em.fork().findOne(messageSchema, { _id: messageId });
    return found === null ? null : toChatMessage(found);
  }

  async edit(change: MessageTextChange): Promise<ChatMessage | null> {
    const updated = await this.orm.em
      .fork()
      .nativeUpdate(messageSchema, { _id: change.messageId, deleted: { $ne: true } }, { message: change.message, editedAt: new Date(change.editedAt) });
    if (updated === 0) return null;
    const now = await this.findById(change.messageId);
    if (now?.deleted !== true) return now;
    await this.clearText(change.messageId);
    return null;
  }

  async tombstone(messageId: string): Promise<TombstoneResult | null> {
    if ((await this.findById(messageId)) === null) return null;
    const deletedNow = await this.claimDeletion(messageId);
    await this.orm.em.fork().nativeUpdate(messageSchema, { _id: messageId }, { deleted: true });
    await this.clearText(messageId);
    const now = await this.findById(messageId);
    return now === null ? null : { message: now, deletedNow };
  }

  /** Of concurrent deletes of one message, across processes, exactly one wins this insert. */
  private async claimDeletion(messageId: string): Promise<boolean> {
    try {
      await this.orm.em.getCollection<{ _id: string; deletedAt: Date }>(MESSAGE_DELETIONS).insertOne({ _id: messageId, deletedAt: new Date() });
      return true;
    } catch (error) {
      if (isDuplicateKeyError(error)) return false;
      throw error;
    }
  }

  /** A tombstone's text and edit time are gone (also when an edit raced the delete). */
  private async clearText(messageId: string): Promise<void> {
    await this.orm.em.fork().nativeUpdate(messageSchema, { _id: messageId }, { message: '', editedAt: null });
  }

  private async findByDedupeKey(dedupeKey: string): Promise<ChatMessage | null> {
    const found = await this.orm.em.fork().findOne(messageSchema, { dedupeKey });
    return found === null ? null : toChatMessage(found);
  }
}

const toDocument = (input: NewMessage, messageId: string, seq: number, dedupeKey: string): MessageDocument => ({
  _id: messageId,
  conversation: input.conversation,
  seq,
  kind: input.kind,
  senderId: input.senderId,
  ...(input.recipientId === undefined ? {} : { recipientId: input.recipientId }),
  ...(input.roomId === undefined ? {} : { roomId: input.roomId }),
  message: input.message,
  timestamp: new Date(input.timestamp),
  ...(input.clientMessageId === undefined ? {} : { clientMessageId: input.clientMessageId }),
  dedupeKey,
});

const toChatMessage = (document: MessageDocument): ChatMessage => ({
  messageId: document._id,
  kind: document.kind,
  senderId: document.senderId,
  ...(isAbsent(document.recipientId) ? {} : { recipientId: document.recipientId }),
  ...(isAbsent(document.roomId) ? {} : { roomId: document.roomId }),
  message: document.message,
  timestamp: document.timestamp.toISOString(),
  seq: document.seq,
  ...(isAbsent(document.clientMessageId) ? {} : { clientMessageId: document.clientMessageId }),
  ...(isAbsent(document.editedAt) ? {} : { editedAt: document.editedAt.toISOString() }),
  ...(document.deleted === true ? { deleted: true } : {}),
});

/** Optional fields come back as null or missing: MikroORM writes null for an undefined property. */
const isAbsent = (value: unknown): value is null | undefined => value === null || value === undefined;
