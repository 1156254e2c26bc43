import type { MikroORM } from '@mikro-orm/mongodb';
import { KeyedSerialQueue } from '../../../kernel';
import { isDuplicateKeyError } from '../../../../src/platform/mongo/duplicate-key';
import type { ChatMessage } from '../../contracts';
import type { ConversationKey, ConversationStore, ConversationSummary, DeletionQuery, RecordedMessage } from '../../ports';
import { changeRankOf } from '../../domain/change-rank';
import { conversationSummarySchema, type ConversationSummaryDocument } from './conversation-summary.schema';
import { conversationDeletionSchema, type ConversationDeletionDocument } from './conversation-deletion.schema';

/**
 * {@link ConversationStore} on MongoDB: one `conversation_summaries` document per conversation,
 * replaced by an upsert whose filter only matches an older seq. When the upsert's insert hits
 * the `_id` (a newer summary, or a concurrent first write), the update is tried once more
 * without inserting, so only an older summary is replaced. Within a process, records of one
 * conversation run one at a time (FerretDB runs updates as unisolated read-modify-writes).
 * A user's private conversations are found by the index on `participants`. A change (edit,
 * tombstone) replaces the newest message by an update matching the same seq and an earlier
 * `lastChange` rank only. Deletions are `conversation_deletions` documents counted on their
 * (conversation, seq) index, only for conversations with something unread.
 */
export class MikroOrmConversationStore implements ConversationStore {
  private readonly orm: MikroORM;
  private readonly records = new KeyedSerialQueue();

  constructor(deps: { mongoOrm: MikroORM }) {
    this.orm = deps.mongoOrm;
  }

  recordMessage({ conversation, message, participants }: RecordedMessage): Promise<void> {
    return this.records.run(conversation, async () => {
      const filter = { _id: conversation, lastSeq: { $lt: message.seq } };
      const update = {
        $set: {
          lastSeq: message.seq,
          lastMessage: JSON.stringify(message),
          updatedAt: message.timestamp,
          participants: [...new Set(participants ?? [])],
          lastChange: changeRankOf(message),
        },
      };
      try {
        await this.collection().updateOne(filter, update, { upsert: true });
      } catch (error) {
        if (!isDuplicateKeyError(error)) throw error;
        await this.collection().updateOne(filter, update);
      }
    });
  }

  recordChange(conversation: ConversationKey, message: ChatMessage): Promise<void> {
    return this.records.run(conversation, async () => {
      const rank = changeRankOf(message);
      await this.collection().updateOne(
        { _id: conversation, lastSeq: message.seq, $or: [{ lastChange: { $exists: false } }, { lastChange: { $lt: rank } }] },
        { $set: { lastMessage: JSON.stringify(message), lastChange: rank } },
      );
    });
  }

  async recordDeletion(conversation: ConversationKey, seq: number): Promise<void> {
    try {
      await this.deletions().insertOne({ _id: `${conversation}#${seq}`, conversation, seq });
    } catch (error) {
      if (!isDuplicateKeyError(error)) throw error;
    }
  }

  async deletedAfter(queries: readonly DeletionQuery[]): Promise<Map<ConversationKey, number>> {
    const counted = await Promise.all(
      queries.map(async ({ conversation, afterSeq }) => [conversation, await this.deletions().countDocuments({ conversation, seq: { $gt: afterSeq } })] as const),
    );
    return new Map(counted.filter(([, count]) => count > 0));
  }

  async findMany(conversations: readonly ConversationKey[]): Promise<ConversationSummary[]> {
    if (conversations.length === 0) return [];
    const found = await this.collection()
      .find({ _id: { $in: [...new Set(conversations)] } })
      .toArray();
    return found.map(toSummary);
  }

  async privateOf(userId: number): Promise<ConversationSummary[]> {
    return (await this.collection().find({ participants: userId }).toArray()).map(toSummary);
  }

  private deletions() {
    return this.orm.em.getCollection<ConversationDeletionDocument>(conversationDeletionSchema);
  }

  private collection() {
    return this.orm.em.getCollection<ConversationSummaryDocument>(conversationSummarySchema);
  }
}

const toSummary = (document: ConversationSummaryDocument): ConversationSummary => ({
  conversation: document._id,
  lastSeq: document.lastSeq,
  lastMessage: JSON.parse(document.lastMessage) as ChatMessage,
  updatedAt: document.updatedAt,
});
