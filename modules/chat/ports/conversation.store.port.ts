import type { ChatMessage } from '../contracts';
import type { ConversationKey } from './message.store.port';

/** What a conversation looks like from its newest message: one record per conversation. */
export interface ConversationSummary {
  readonly conversation: ConversationKey;
  /** The seq of the newest message: the conversation's messages are 1..lastSeq. */
  readonly lastSeq: number;
  readonly lastMessage: ChatMessage;
  /** The newest message's timestamp. */
  readonly updatedAt: string;
}

/** A stored message to record as its conversation's newest. */
export interface RecordedMessage {
  readonly conversation: ConversationKey;
  readonly message: ChatMessage;
  /** The two people of a private conversation (once when a user writes to themself); absent for rooms. */
  readonly participants?: readonly number[];
}

/** Where a user stands in a conversation: deletions above `afterSeq` are the ones that concern them. */
export interface DeletionQuery {
  readonly conversation: ConversationKey;
  readonly afterSeq: number;
}

/**
 * Outbound port: the summary of each conversation (its newest message), written once per
 * message whatever the number of people in it, and the private conversations of each user.
 * Rooms are not indexed per user here: a user's rooms come from RoomMembership.
 */
export interface ConversationStore {
  /**
   * Records the message as its conversation's newest unless one with a greater or equal seq
   * is recorded already, so replays and out-of-order writes never move a summary back.
   * Idempotent. The first message of a private conversation lists it under both participants.
   */
  recordMessage(recorded: RecordedMessage): Promise<void>;

  /**
   * Shows a changed message (edited, or deleted: its tombstone) as its conversation's newest
   * when it is still the newest (same seq); otherwise changes nothing. A tombstone is never
   * turned back into text and an edit never replaces a later edit (by `editedAt`), whatever
   * order replicas write in. Idempotent.
   */
  recordChange(conversation: ConversationKey, message: ChatMessage): Promise<void>;

  /**
   * Records that the message at `seq` of the conversation was deleted, in an index of deletions
   * by (conversation, seq), so unread counts leave it out. Idempotent.
   */
  recordDeletion(conversation: ConversationKey, seq: number): Promise<void>;

  /**
   * How many deleted messages each conversation has above its `afterSeq`, read from the index of
   * deletions (never from messages: deletions are rare). Conversations without any are left out.
   */
  deletedAfter(queries: readonly DeletionQuery[]): Promise<Map<ConversationKey, number>>;

  /** The summaries of those conversations that have one (unknown or empty ones are left out), in no set order. */
  findMany(conversations: readonly ConversationKey[]): Promise<ConversationSummary[]>;

  /** The summaries of every private conversation the user is in, in no set order; empty when none. */
  privateOf(userId: number): Promise<ConversationSummary[]>;
}
