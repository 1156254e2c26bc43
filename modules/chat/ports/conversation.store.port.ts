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

  /** The summaries of those conversations that have one (unknown or empty ones are left out), in no set order. */
  findMany(conversations: readonly ConversationKey[]): Promise<ConversationSummary[]>;

  /** The summaries of every private conversation the user is in, in no set order; empty when none. */
  privateOf(userId: number): Promise<ConversationSummary[]>;
}
