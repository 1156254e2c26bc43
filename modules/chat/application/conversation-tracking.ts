import type { ChatMessage } from '../contracts';
import type { ConversationKey, ConversationStore, ReadMarkerStore } from '../ports';
import { privateConversation, roomConversation } from '../domain/conversation-key';

export interface ConversationTrackingDeps {
  readonly conversationStore: ConversationStore;
  readonly readMarkerStore: ReadMarkerStore;
}

/**
 * Keeps conversation summaries and read markers in step with messages and memberships, so
 * `unreadCount = lastSeq - readSeq` stays exact without reading messages:
 * - a stored message becomes its conversation's summary (one write, whatever the room's
 *   size) and moves its sender's marker to it: what one wrote is read;
 * - a member joining a room starts with its marker at the room's newest message: what was
 *   posted before, or while they were away, is history, not unread.
 * - an edited or deleted message shows as such in the summary when it is the newest, and a
 *   deletion is indexed so that unread counts leave it out (unreadCount = lastSeq - readSeq -
 *   deletions above readSeq).
 * All are idempotent, so a retried send, edit or delete records again safely. A send writes the summary and the
 * sender's marker at once (one round trip, not two); a list read in between may see the marker
 * ahead of the summary, which counts as nothing unread (unreadCount never goes below 0).
 */
export class ConversationTracking {
  constructor(private readonly deps: ConversationTrackingDeps) {}

  /**
   * A group commit's messages (or one): the newest becomes the summary, and each sender's
   * marker moves to the newest of theirs, in one write each (not one per message).
   */
  async messagesStored(conversation: ConversationKey, messages: readonly ChatMessage[]): Promise<void> {
    const newestBySender = new Map<number, number>();
    let newest: ChatMessage | undefined;
    for (const message of messages) {
      if (newest === undefined || message.seq > newest.seq) newest = message;
      newestBySender.set(message.senderId, Math.max(message.seq, newestBySender.get(message.senderId) ?? 0));
    }
    if (newest === undefined) return;
    const participants = newest.kind === 'private' ? [newest.senderId, newest.recipientId ?? newest.senderId] : undefined;
    await Promise.all([
      this.deps.conversationStore.recordMessage({ conversation, message: newest, ...(participants === undefined ? {} : { participants }) }),
      ...[...newestBySender].map(([senderId, seq]) => this.deps.readMarkerStore.advance(senderId, conversation, seq)),
    ]);
  }

  async messageEdited(message: ChatMessage): Promise<void> {
    await this.deps.conversationStore.recordChange(conversationOf(message), message);
  }

  /** The deletion first: a summary showing the tombstone always has its deletion counted. */
  async messageDeleted(tombstone: ChatMessage): Promise<void> {
    const conversation = conversationOf(tombstone);
    await this.deps.conversationStore.recordDeletion(conversation, tombstone.seq);
    await this.deps.conversationStore.recordChange(conversation, tombstone);
  }

  async memberJoined(roomId: number, userId: number): Promise<void> {
    const conversation = roomConversation(roomId);
    const [summary] = await this.deps.conversationStore.findMany([conversation]);
    if (summary !== undefined) await this.deps.readMarkerStore.advance(userId, conversation, summary.lastSeq);
  }
}

const conversationOf = (message: ChatMessage): ConversationKey =>
  message.kind === 'room' ? roomConversation(message.roomId ?? 0) : privateConversation(message.senderId, message.recipientId ?? message.senderId);
