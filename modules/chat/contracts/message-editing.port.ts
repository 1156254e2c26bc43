import type { ChatMessage } from './chat.dto';

export interface EditMessageInput {
  /** Who edits: must be the message's author. */
  readonly userId: number;
  readonly messageId: string;
  /** The new text: 1-4000 characters, not only whitespace. */
  readonly message: string;
}

export interface DeleteMessageInput {
  /** Who deletes: the author, or (room messages) a moderator of the room. */
  readonly userId: number;
  readonly messageId: string;
}

/**
 * Inbound port: changing messages already sent (gRPC EditMessage, DeleteMessage).
 * A message the caller cannot see (another pair's private message, a room they are not
 * in) is CHAT_MESSAGE_NOT_FOUND, never a hint that it exists. Changes are stored before
 * they resolve, then announced with `chat.message-edited.v1` / `chat.message-deleted.v1`.
 */
export interface MessageEditing {
  /**
   * Replaces the text of the caller's own message and stamps `editedAt`.
   * Editing with the same text again stores and announces again (a new `editedAt`).
   * @throws DomainError VALIDATION_FAILED, CHAT_MESSAGE_NOT_FOUND (also a deleted one), CHAT_NOT_MESSAGE_AUTHOR
   */
  editMessage(input: EditMessageInput): Promise<ChatMessage>;

  /**
   * Deletes a message, leaving its tombstone (`deleted: true`, text '', same `seq`).
   * Idempotent: deleting a deleted message returns its tombstone and announces nothing.
   * @throws DomainError VALIDATION_FAILED, CHAT_MESSAGE_NOT_FOUND, CHAT_NOT_MESSAGE_AUTHOR
   */
  deleteMessage(input: DeleteMessageInput): Promise<ChatMessage>;
}
