import type { MikroORM } from '@mikro-orm/mongodb';
import { isDuplicateKeyError } from '@chatterroom/platform/mongo';
import type { ChatMessage } from '../../contracts';
import type { AppendRequest, AppendResult, ConversationKey, MessageAnnouncement, MessagePageQuery, MessageStore, MessageTextChange, NewMessage, TombstoneResult } from '../../ports';
import type { MikroOrmChatEventLog } from './mikro-orm.chat-event-log';
import { MongoMessageAppender } from './mongo-message-appender';
import { messageSchema } from './message.schema';
import { toChatMessage } from './message.document-mapping';

/**
 * {@link MessageStore} on MongoDB through MikroORM: one `messages` document per message,
 * `_id` the messageId (derived from sender and clientMessageId when the send has one, see
 * messageIdOf). `seq` is claimed by inserting a marker document per seq (`message_seqs`, see
 * MongoSeqClaims: gap-free with several replicas, also on FerretDB, whose counters lose
 * increments), and a unique index on (conversation, seq desc) serves history pages and refuses
 * a seq stored twice. Idempotency rests on `_id` and the unique `dedupeKey` (`<senderId>:<clientMessageId>`,
 * else the messageId): a retried send finds the earlier message by `_id` first, and of retries
 * reaching several replicas at once only the one holding the send's claim (`message_send_claims`,
 * see MongoSendClaims) takes a seq; the others answer with its message. Timestamps are stored as BSON dates and returned as ISO strings.
 * Appends are group commits ({@link MongoMessageAppender}): a message's announcement is
 * recorded as an intent in the event log's outbox just before the message insert (MongoDB has
 * no multi-document transaction here): the log publishes it only once the message exists, and
 * the intent is withdrawn when the insert fails. An append whose `deadline` passed while it
 * waited for its commit is dropped before it takes a seq (DEADLINE_EXCEEDED).
 * Edits are single-document updates filtered on `deleted != true` (and undone when a delete
 * won the race: FerretDB updates are not isolated). Of concurrent deletes, the one whose
 * insert into `message_deletions` (unique `_id` = messageId) succeeds reports `deletedNow`,
 * as FerretDB lets concurrent conditional updates all succeed; the rest only repeat the tombstone.
 */
/** One document per deleted message: who deleted first is whose insert succeeded. */
const MESSAGE_DELETIONS = 'message_deletions';

export class MikroOrmMessageStore implements MessageStore {
  private readonly orm: MikroORM;
  private readonly appender: MongoMessageAppender;
  private readonly eventLog: MikroOrmChatEventLog | undefined;

  constructor(deps: { mongoOrm: MikroORM; chatEventLog?: MikroOrmChatEventLog }) {
    this.orm = deps.mongoOrm;
    this.eventLog = deps.chatEventLog;
    this.appender = new MongoMessageAppender({ mongoOrm: deps.mongoOrm, chatEventLog: deps.chatEventLog });
  }

  async append(input: NewMessage, announcement?: MessageAnnouncement): Promise<AppendResult> {
    const [result] = await this.appendBatch([announcement === undefined ? { message: input } : { message: input, announcement }]);
    return result as AppendResult;
  }

  appendBatch(requests: readonly AppendRequest[]): Promise<AppendResult[]> {
    return this.appender.appendBatch(requests);
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

  /**
   * Deletes the messages; the conversation's seq markers and counter stay, so numbers are never handed out twice.
   * Releases the pending announcements of the conversation's messages first: they were stored, so their events stand, in their place.
   */
  async deleteConversation(conversation: ConversationKey): Promise<void> {
    const pending = (await this.eventLog?.pendingRequirements()) ?? [];
    if (pending.length > 0) {
      const doomed = await this.orm.em.fork().find(messageSchema, { _id: { $in: pending }, conversation }, { fields: ['_id'] });
      await this.eventLog?.release(doomed.map((message) => message._id));
    }
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

}

