import type { ChatMessage, HistoryPaging } from './chat.dto';

export interface SendPrivateMessageInput {
  readonly fromUserId: number;
  readonly toUserId: number;
  readonly message: string;
  readonly clientMessageId?: string;
  /**
   * When the sender stops waiting (epoch ms). Work still queued at that time is dropped before
   * it is stored (DEADLINE_EXCEEDED, nothing stored). Not a proto field: over gRPC it is the
   * call's own deadline, which the server hands on here.
   */
  readonly deadline?: number;
}

export interface PrivateHistoryInput extends HistoryPaging {
  readonly fromUserId: number;
  readonly toUserId: number;
}

export interface SendRoomMessageInput {
  readonly userId: number;
  readonly roomId: number;
  readonly message: string;
  readonly clientMessageId?: string;
  /**
   * When the sender stops waiting (epoch ms). Work still queued at that time is dropped before
   * it is stored (DEADLINE_EXCEEDED, nothing stored). Not a proto field: over gRPC it is the
   * call's own deadline, which the server hands on here.
   */
  readonly deadline?: number;
}

export interface RoomHistoryInput extends HistoryPaging {
  readonly userId: number;
  readonly roomId: number;
}

/**
 * Inbound port: sending messages and reading histories (gRPC SendPrivateMessage,
 * GetPrivateChatHistory, SendRoomMessage, GetRoomHistory).
 *
 * Sends are stored durably before they resolve, then announced with
 * `chat.message-posted.v1`. A send with a `clientMessageId` (<= 64 chars) the same
 * sender used before returns the original message and stores nothing new.
 * Message text: 1-4000 characters, not only whitespace.
 */
export interface Messaging {
  /**
   * Sends a private message from `fromUserId` to `toUserId` (a user may write to themself).
   * @throws DomainError VALIDATION_FAILED, CHAT_RECIPIENT_NOT_FOUND, DEADLINE_EXCEEDED (`deadline` passed; nothing stored)
   */
  sendPrivateMessage(input: SendPrivateMessageInput): Promise<ChatMessage>;

  /**
   * Returns one page of the conversation between the two users, oldest first;
   * an empty array when they never wrote. Read-only.
   * @throws DomainError VALIDATION_FAILED (bad limit), CHAT_INVALID_CURSOR (`before` not in this conversation)
   */
  getPrivateHistory(input: PrivateHistoryInput): Promise<ChatMessage[]>;

  /**
   * Sends a message to a room the sender belongs to.
   * @throws DomainError VALIDATION_FAILED, CHAT_ROOM_NOT_FOUND, CHAT_NOT_A_ROOM_MEMBER, DEADLINE_EXCEEDED (`deadline` passed; nothing stored)
   */
  sendRoomMessage(input: SendRoomMessageInput): Promise<ChatMessage>;

  /**
   * Returns one page of a room's messages, oldest first, to a member. Read-only.
   * @throws DomainError VALIDATION_FAILED, CHAT_ROOM_NOT_FOUND, CHAT_NOT_A_ROOM_MEMBER, CHAT_INVALID_CURSOR
   */
  getRoomHistory(input: RoomHistoryInput): Promise<ChatMessage[]>;
}
