import type { ConversationKey, MarkerAdvance, ReadMarkerStore } from '../../ports';

const keyOf = (userId: number, conversation: ConversationKey): string => `${userId}|${conversation}`;

/** {@link ReadMarkerStore} in process memory: one map entry per (user, conversation). */
export class InMemoryReadMarkerStore implements ReadMarkerStore {
  private readonly markers = new Map<string, number>();

  async advance(userId: number, conversation: ConversationKey, seq: number): Promise<MarkerAdvance> {
    const key = keyOf(userId, conversation);
    const current = this.markers.get(key) ?? 0;
    if (seq <= current) return { seq: current, moved: false };
    this.markers.set(key, seq);
    return { seq, moved: true };
  }

  async markersOf(userId: number, conversations: readonly ConversationKey[]): Promise<Map<ConversationKey, number>> {
    const found = new Map<ConversationKey, number>();
    for (const conversation of conversations) {
      const seq = this.markers.get(keyOf(userId, conversation));
      if (seq !== undefined) found.set(conversation, seq);
    }
    return found;
  }

  async readersOf(conversation: ConversationKey, userIds: readonly number[]): Promise<Map<number, number>> {
    const found = new Map<number, number>();
    for (const userId of userIds) {
      const seq = this.markers.get(keyOf(userId, conversation));
      if (seq !== undefined) found.set(userId, seq);
    }
    return found;
  }
}
