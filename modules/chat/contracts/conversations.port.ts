import type { ConversationPage, ReadMarkerState } from './conversations.dto';

export interface ListConversationsInput {
  readonly userId: number;
  /** 1-100; omitted = 20. */
  readonly limit?: number;
  /** The `nextCursor` of the previous page; omitted = from the most recent. */
  readonly before?: string;
}

/** Exactly one of `peerId` (a private conversation) and `roomId`. */
export interface MarkReadInput {
  /** The reader. */
  readonly userId: number;
  readonly peerId?: number;
  readonly roomId?: number;
  /** The seq of the last message read (a positive integer); beyond the newest message it means all of them. */
  readonly seq: number;
}

/**
 * Inbound port: a user's conversations and read markers (gRPC ListConversations, MarkRead).
 * A conversation's summary is written once per message and a read marker per reader, so
 * neither a list nor a count ever reads messages, whatever their number or the room's size.
 */
export interface Conversations {
  /**
   * Every conversation the user is in, private chats and rooms together, most recent
   * activity first (ties by conversation), one page at a time. A private conversation is
   * there for both people from its first message. Read-only.
   * @throws DomainError VALIDATION_FAILED (limit), CHAT_INVALID_CURSOR (before is not a cursor of this list)
   */
  listConversations(input: ListConversationsInput): Promise<ConversationPage>;

  /**
   * Moves the user's read marker to `seq` (at most the newest message's): markers only move
   * forward, so a repeat or an older seq is a success that changes nothing. A marker that
   * moved is announced with `chat.read-marker-moved.v1` to the reader (all their devices)
   * and, in a private conversation, to the other person.
   * @throws DomainError VALIDATION_FAILED, CHAT_RECIPIENT_NOT_FOUND (no such peer),
   * CHAT_ROOM_NOT_FOUND, CHAT_NOT_A_ROOM_MEMBER
   */
  markRead(input: MarkReadInput): Promise<ReadMarkerState>;
}
