import type { ChatMessage } from '../../contracts';
import type { ConversationKey, ConversationStore, ConversationSummary, DeletionQuery, RecordedMessage } from '../../ports';
import { changeRankOf } from '../../domain/change-rank';

/**
 * {@link ConversationStore} in process memory: a map of summaries by conversation and, per
 * user, the set of their private conversations. Checks and writes without awaiting in
 * between, so concurrent records keep the greatest seq. Deletions are a set of seqs per conversation.
 */
export class InMemoryConversationStore implements ConversationStore {
  private readonly summaries = new Map<ConversationKey, ConversationSummary>();
  private readonly privateByUser = new Map<number, Set<ConversationKey>>();
  private readonly deletions = new Map<ConversationKey, Set<number>>();

  async recordMessage({ conversation, message, participants }: RecordedMessage): Promise<void> {
    const current = this.summaries.get(conversation);
    if (current !== undefined && current.lastSeq >= message.seq) return;
    this.summaries.set(conversation, { conversation, lastSeq: message.seq, lastMessage: { ...message }, updatedAt: message.timestamp });
    for (const userId of participants ?? []) {
      const own = this.privateByUser.get(userId) ?? new Set<ConversationKey>();
      own.add(conversation);
      this.privateByUser.set(userId, own);
    }
  }

  async recordChange(conversation: ConversationKey, message: ChatMessage): Promise<void> {
    const current = this.summaries.get(conversation);
    if (current === undefined || current.lastSeq !== message.seq || changeRankOf(current.lastMessage) >= changeRankOf(message)) return;
    this.summaries.set(conversation, { ...current, lastMessage: { ...message } });
  }

  async recordDeletion(conversation: ConversationKey, seq: number): Promise<void> {
    const seqs = this.deletions.get(conversation) ?? new Set<number>();
    seqs.add(seq);
    this.deletions.set(conversation, seqs);
  }

  async deletedAfter(queries: readonly DeletionQuery[]): Promise<Map<ConversationKey, number>> {
    const counts = new Map<ConversationKey, number>();
    for (const { conversation, afterSeq } of queries) {
      const count = [...(this.deletions.get(conversation) ?? [])].filter((seq) => seq > afterSeq).length;
      if (count > 0) counts.set(conversation, count);
    }
    return counts;
  }

  async findMany(conversations: readonly ConversationKey[]): Promise<ConversationSummary[]> {
    return [...new Set(conversations)].flatMap((conversation) => this.copyOf(conversation));
  }

  async privateOf(userId: number): Promise<ConversationSummary[]> {
    return [...(this.privateByUser.get(userId) ?? [])].flatMap((conversation) => this.copyOf(conversation));
  }

  private copyOf(conversation: ConversationKey): ConversationSummary[] {
    const summary = this.summaries.get(conversation);
    return summary === undefined ? [] : [{ ...summary, lastMessage: { ...summary.lastMessage } }];
  }
}
