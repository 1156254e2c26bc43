import type { ConversationKey } from './message.store.port';

/** A marker after an advance: where it stands, and whether this call moved it. */
export interface MarkerAdvance {
  readonly seq: number;
  readonly moved: boolean;
}

/**
 * Outbound port: per-user read markers, one per (user, conversation): the seq of the last
 * message the user has read there. A user without a marker in a conversation has read
 * nothing (seq 0). Markers only move forward.
 */
export interface ReadMarkerStore {
  /**
   * Moves the user's marker in the conversation to `seq` when that is greater than where it
   * stands; otherwise leaves it. Idempotent; concurrent advances keep the greatest.
   * @returns the marker after the call and whether this call moved it
   */
  advance(userId: number, conversation: ConversationKey, seq: number): Promise<MarkerAdvance>;

  /** The user's markers in those conversations; a conversation without one is left out of the map. */
  markersOf(userId: number, conversations: readonly ConversationKey[]): Promise<Map<ConversationKey, number>>;

  /** The markers of those users in one conversation; a user without one is left out of the map. */
  readersOf(conversation: ConversationKey, userIds: readonly number[]): Promise<Map<number, number>>;
}
