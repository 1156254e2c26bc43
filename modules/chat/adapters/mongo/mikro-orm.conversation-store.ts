import type { MikroORM } from '@mikro-orm/mongodb';
import { KeyedSerialQueue } from '@chatterroom/kernel';
import { isDuplicateKeyError } from '@chatterroom/platform/mongo/duplicate-key';
import { findByIds } from '@chatterroom/platform/mongo/find-by-ids';
import type { ChatMessage } from '../../contracts';
import type { ConversationKey, ConversationStore, ConversationSummary, DeletionQuery, RecordedMessage } from '../../ports';
import { changeRankOf } from '../../domain/change-rank';
import { conversationSummarySchema, type ConversationSummaryDocument } from './conversation-summary.schema';
import { conversationDeletionSchema, type ConversationDeletionDocument } from './conversation-deletion.schema';

/** A summary's fields (the document without its `_id`). */
type SummaryFields = Omit<ConversationSummaryDocument, '_id'>;

/** Conversations whose summary seq a process remembers; past it, it forgets them all and reads again. */
const SEEN_CONVERSATIONS = 10_000;

/** Overwrites tried before giving up to a writer that keeps landing newer summaries (see {@link MikroOrmConversationStore}). */
const WRITES_MAX = 16;

/** Whether `a` shows a later state than `b`: a greater seq, or the same seq changed later (see changeRankOf). */
const isLater = (a: SummaryFields, b: SummaryFields): boolean =>
  a.lastSeq > b.lastSeq || (a.lastSeq === b.lastSeq && (a.lastChange ?? '') > (b.lastChange ?? ''));

const fieldsOf = ({ _id, ...fields }: ConversationSummaryDocument): SummaryFields => fields;

/**
 * {@link ConversationStore} on MongoDB: one `conversation_summaries` document per conversation,
 * read and written by `_id` alone, the one filter FerretDB's SQLite backend serves without
 * scanning the collection (any other filter, even on an indexed field, reads every document).
 * A record reads the summary and stops when it is as new already (a repeated or older seq, an
 * earlier change); it skips that read when this process last saw the summary at a lower seq
 * (it wrote it, the usual case). Otherwise, or then, it overwrites it with a findOneAndUpdate
 * that answers the document it replaced, which is atomic on MongoDB: should that one have been
 * later (another replica wrote in between), it is put back the same way, until what was
 * replaced is not later than what was written. So only a later state replaces a summary, without a filter on `lastSeq`.
 * Within a process, records of one conversation run one at a time. A user's private
 * conversations are found by `participants`. Deletions are `conversation_deletions` documents
 * counted on their (conversation, seq) index, only for conversations with something unread.
 */
export class MikroOrmConversationStore implements ConversationStore {
  private readonly orm: MikroORM;
  private readonly records = new KeyedSerialQueue();
  /** The summary's seq as this process last read or wrote it, per conversation (bounded). */
  private readonly seenSeqs = new Map<ConversationKey, number>();

  constructor(deps: { mongoOrm: MikroORM }) {
    this.orm = deps.mongoOrm;
  }

  /** Without the read when this process last saw the summary at a lower seq (it wrote it: the usual case). */
  recordMessage({ conversation, message, participants }: RecordedMessage): Promise<void> {
    return this.records.run(conversation, async () => {
      const seen = this.seenSeqs.get(conversation);
      if (seen === undefined || seen >= message.seq) {
        const current = await this.collection().findOne({ _id: conversation });
        if (current !== null && current.lastSeq >= message.seq) {
          this.see(conversation, current.lastSeq);
          return;
        }
      }
      const written = await this.writeUnlessLater(conversation, {
        lastSeq: message.seq,
        lastMessage: JSON.stringify(message),
        updatedAt: message.timestamp,
        participants: [...new Set(participants ?? [])],
        lastChange: changeRankOf(message),
      });
      this.see(conversation, written);
    });
  }

  private see(conversation: ConversationKey, seq: number): void {
    if (this.seenSeqs.size >= SEEN_CONVERSATIONS && !this.seenSeqs.has(conversation)) this.seenSeqs.clear();
    this.seenSeqs.set(conversation, seq);
  }

  recordChange(conversation: ConversationKey, message: ChatMessage): Promise<void> {
    return this.records.run(conversation, async () => {
      const current = await this.collection().findOne({ _id: conversation });
      if (current === null || current.lastSeq !== message.seq) return;
      const changed = { ...fieldsOf(current), lastMessage: JSON.stringify(message), lastChange: changeRankOf(message) };
      if (isLater(changed, fieldsOf(current))) await this.writeUnlessLater(conversation, changed);
    });
  }

  /**
   * Writes `fields` by `_id`, putting back whatever later state it replaced (see the class);
   * returns the seq of the state it left there.
   */
  private async writeUnlessLater(conversation: ConversationKey, fields: SummaryFields): Promise<number> {
    let writing = fields;
    for (let tries = 0; tries < WRITES_MAX; tries += 1) {
      let replaced: ConversationSummaryDocument | null;
      try {
        replaced = await this.collection().findOneAndUpdate({ _id: conversation }, { $set: writing }, { upsert: true, returnDocument: 'before' });
      } catch (error) {
        if (!isDuplicateKeyError(error)) throw error;
        continue;
      }
      if (replaced === null || !isLater(fieldsOf(replaced), writing)) return writing.lastSeq;
      writing = fieldsOf(replaced);
    }
    return writing.lastSeq;
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
    return (await findByIds(this.collection(), conversations)).map(toSummary);
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
