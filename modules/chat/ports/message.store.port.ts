import type { TraceOrigin } from '@chatterroom/kernel';
import type { ChatMessage } from '../contracts';

/**
 * A conversation's key: `room:<roomId>`, or `private:<lowId>:<highId>` for the pair of
 * users whatever the direction. Every message belongs to exactly one conversation.
 */
export type ConversationKey = string;

export interface NewMessage {
  readonly conversation: ConversationKey;
  readonly kind: ChatMessage['kind'];
  readonly senderId: number;
  readonly recipientId?: number;
  readonly roomId?: number;
  readonly message: string;
  readonly timestamp: string;
  readonly clientMessageId?: string;
  /**
   * When the sender stops waiting (epoch ms); never stored. A store (or a queue batching
   * appends) calls `requireBeforeDeadline(deadline, now, ...)` from the kernel when the append
   * gets its turn, right before its first write, and drops it (DEADLINE_EXCEEDED) once passed.
   */
  readonly deadline?: number;
}

/** The event that announces a new message, recorded in the same atomic write as the message. */
export interface MessageAnnouncement {
  readonly id: string;
  readonly type: string;
  readonly occurredAt: string;
  /** The users it names: the two people of a private conversation; none for a room message. */
  readonly audience: readonly number[];
  /** A room message: the room, whose members of the moment it is for (see ChatEventDraft). */
  readonly roomId?: number;
  /** The trace headers of the send, taken when it was made (a group commit records it in another send's context). */
  readonly origin?: TraceOrigin;
  /** The event's payload, without an audience, from the message as stored (with its messageId and seq). */
  payloadOf(message: ChatMessage): unknown;
}

export interface AppendResult {
  readonly message: ChatMessage;
  /** False when an earlier message with the same sender and clientMessageId was returned instead. */
  readonly created: boolean;
}

/** One message to store, with the announcement its creation records (see {@link MessageStore.append}). */
export interface AppendRequest {
  readonly message: NewMessage;
  readonly announcement?: MessageAnnouncement;
}

export interface MessagePageQuery {
  readonly conversation: ConversationKey;
  /** Only messages with a smaller seq than this one. */
  readonly beforeSeq?: number;
  /** Only messages with a larger seq than this one: the oldest `limit` of them (paging forwards). */
  readonly afterSeq?: number;
  /** 1-200. */
  readonly limit: number;
}

export interface MessageTextChange {
  readonly messageId: string;
  /** The new text, already checked. */
  readonly message: string;
  /** ISO-8601 UTC. */
  readonly editedAt: string;
}

export interface TombstoneResult {
  /** The tombstone: `deleted: true`, text '', everything else kept. */
  readonly message: ChatMessage;
  /** False when the message was already deleted (nothing changed now). */
  readonly deletedNow: boolean;
}

/**
 * Outbound port: durable storage of chat messages. Messages are appended and never
 * removed: an edit changes the text in place, a delete leaves a tombstone at the same seq.
 */
export interface MessageStore {
  /**
   * Stores a message with a new messageId and the next `seq` of its conversation
   * (1, 2, 3...: gap-free and never handed out twice, also with several replicas writing one
   * conversation at once; only a process dying mid-commit may leave a seq unused).
   * Idempotent per (senderId, clientMessageId): when the sender already stored a message
   * with that clientMessageId, returns it with `created: false` and stores nothing; retries of
   * one send racing through several replicas store it once, and all get that message.
   * With `announcement`, a created message's event is recorded in the chat event log in the
   * same atomic write (or, where the storage has no multi-document atomicity, recorded first
   * as an intent that the log publishes only once the message exists): a stored message is
   * never left unannounced, and an unstored one never announced.
   * @throws DomainError DEADLINE_EXCEEDED when `message.deadline` passed while the append was
   * queued: nothing was written (no seq taken).
   */
  append(message: NewMessage, announcement?: MessageAnnouncement): Promise<AppendResult>;

  /**
   * Group commit: stores the messages of ONE conversation as {@link append} would one after
   * another, in their order, with one seq allocation and one batched write of the messages and
   * of their announcements. Returns one result per request, in the same order. A request whose
   * (senderId, clientMessageId) matches a stored message, or an earlier request of the same
   * batch, gets that message with `created: false` and takes no seq. Rejects as a whole when the
   * storage fails: then none of the batch was acknowledged (what was written before the failure
   * stays, and a retry with the same clientMessageId returns it).
   * @throws Error when the requests name more than one conversation
   */
  appendBatch(requests: readonly AppendRequest[]): Promise<AppendResult[]>;

  /**
   * The newest `limit` messages of the conversation below `beforeSeq` or, with `afterSeq`, the
   * oldest `limit` above it; returned oldest first.
   */
  page(query: MessagePageQuery): Promise<ChatMessage[]>;

  /** Returns the message if it belongs to `conversation`, else null. */
  findInConversation(conversation: ConversationKey, messageId: string): Promise<ChatMessage | null>;

  /**
   * Deletes every message of the conversation (a deleted room's history; roomIds are never
   * reused, so no message is stored there again). Idempotent.
   */
  deleteConversation(conversation: ConversationKey): Promise<void>;
  /** The message with this id, in whatever conversation (a tombstone included), or null. */
  findById(messageId: string): Promise<ChatMessage | null>;

  /**
   * Replaces the text of a message that is not deleted and sets its `editedAt`; returns
   * the message as stored now. Null when there is no such message or it is deleted
   * (an edit racing a delete never brings the text back).
   */
  edit(change: MessageTextChange): Promise<ChatMessage | null>;

  /**
   * Turns the message into its tombstone: `deleted: true`, text '' and no `editedAt`,
   * keeping messageId, seq, sender and conversation. Idempotent (`deletedNow: false`
   * the second time). Null when there is no such message.
   */
  tombstone(messageId: string): Promise<TombstoneResult | null>;
}
