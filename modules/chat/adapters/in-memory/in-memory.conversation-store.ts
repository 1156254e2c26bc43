import type { ConversationKey, ConversationStore, ConversationSummary, RecordedMessage } from '../../ports';

/**
 * {@link ConversationStore} in process memory: a map of summaries by conversation and, per
 * user, the set of their private conversations. Checks and writes without awaiting in
 * between, so concurrent records keep the greatest seq.
 */
export class InMemoryConversationStore implements ConversationStore {
  private readonly summaries = new Map<ConversationKey, ConversationSummary>();
  private readonly privateByUser = new Map<number, Set<ConversationKey>>();

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
