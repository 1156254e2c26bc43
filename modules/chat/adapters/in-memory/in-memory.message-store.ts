import { randomUUID } from 'node:crypto';
import type { ChatMessage } from '../../contracts';
import type { AppendRequest, AppendResult, ConversationKey, MessageAnnouncement, MessagePageQuery, MessageStore, MessageTextChange, NewMessage, TombstoneResult } from '../../ports';
import { recordAnnouncement } from '../../domain/announcement';
import { conversationOfBatch, idempotencyKeyOf } from '../../domain/append-batch';
import { tombstoneOf } from '../../domain/tombstone';
import type { InMemoryChatEventLog } from './in-memory.chat-event-log';

/**
 * {@link MessageStore} in process memory. Each conversation is an array indexed by
 * seq - 1, so a page is one slice; a Map by messageId answers cursors and a Map by
 * (senderId, clientMessageId) makes appends idempotent. Appends run without awaiting,
 * so concurrent appends (and a batch) get consecutive seqs. A created message's announcement
 * goes into `chatEventLog` in the same synchronous step. Edits and deletes replace the frozen message
 * in every index. Copies are returned; nothing survives a restart.
 */
export class InMemoryMessageStore implements MessageStore {
  private readonly conversations = new Map<ConversationKey, ChatMessage[]>();
  private readonly byMessageId = new Map<string, { conversation: ConversationKey; message: ChatMessage }>();
  private readonly byClientMessageId = new Map<string, ChatMessage>();

  constructor(private readonly deps: { chatEventLog?: InMemoryChatEventLog } = {}) {}

  async append(input: NewMessage, announcement?: MessageAnnouncement): Promise<AppendResult> {
    return this.appendNow(input, announcement);
  }

  /** Appends one after another in one synchronous step: the batch's seqs are consecutive. */
  async appendBatch(requests: readonly AppendRequest[]): Promise<AppendResult[]> {
    conversationOfBatch(requests);
    return requests.map((request) => this.appendNow(request.message, request.announcement));
  }

  private appendNow(input: NewMessage, announcement?: MessageAnnouncement): AppendResult {
    const idempotencyKey = idempotencyKeyOf(input);
    const earlier = idempotencyKey === undefined ? undefined : this.byClientMessageId.get(idempotencyKey);
    if (earlier !== undefined) return { message: { ...earlier }, created: false };

    const messages = this.conversations.get(input.conversation) ?? [];
    const message = toMessage(input, messages.length + 1);
    messages.push(message);
    this.conversations.set(input.conversation, messages);
    this.byMessageId.set(message.messageId, { conversation: input.conversation, message });
    if (idempotencyKey !== undefined) this.byClientMessageId.set(idempotencyKey, message);
    if (announcement !== undefined) this.requireLog().recordNow(recordAnnouncement(announcement, message));
    return { message: { ...message }, created: true };
  }

  async page(query: MessagePageQuery): Promise<ChatMessage[]> {
    const messages = this.conversations.get(query.conversation) ?? [];
    if (query.afterSeq !== undefined) {
      const start = Math.min(Math.max(query.afterSeq, 0), messages.length);
      return messages.slice(start, start + Math.max(query.limit, 0)).map((message) => ({ ...message }));
    }
    const end = query.beforeSeq === undefined ? messages.length : Math.min(Math.max(query.beforeSeq - 1, 0), messages.length);
    return messages.slice(Math.max(end - query.limit, 0), end).map((message) => ({ ...message }));
  }

  private requireLog(): InMemoryChatEventLog {
    if (this.deps.chatEventLog === undefined) throw new Error('InMemoryMessageStore needs chatEventLog to record announcements');
    return this.deps.chatEventLog;
  }

  async findInConversation(conversation: ConversationKey, messageId: string): Promise<ChatMessage | null> {
    const found = this.byMessageId.get(messageId);
    return found?.conversation === conversation ? { ...found.message } : null;
  }

  async deleteConversation(conversation: ConversationKey): Promise<void> {
    for (const message of this.conversations.get(conversation) ?? []) {
      this.byMessageId.delete(message.messageId);
      if (message.clientMessageId !== undefined) this.byClientMessageId.delete(`${message.senderId}:${message.clientMessageId}`);
    }
    this.conversations.delete(conversation);
  }

  async findById(messageId: string): Promise<ChatMessage | null> {
    const found = this.byMessageId.get(messageId);
    return found === undefined ? null : { ...found.message };
  }

  async edit(change: MessageTextChange): Promise<ChatMessage | null> {
    const found = this.byMessageId.get(change.messageId);
    if (found === undefined || found.message.deleted === true) return null;
    return { ...this.replace(found.conversation, Object.freeze({ ...found.message, message: change.message, editedAt: change.editedAt })) };
  }

  async tombstone(messageId: string): Promise<TombstoneResult | null> {
    const found = this.byMessageId.get(messageId);
    if (found === undefined) return null;
    if (found.message.deleted === true) return { message: { ...found.message }, deletedNow: false };
    return { message: { ...this.replace(found.conversation, Object.freeze(tombstoneOf(found.message))) }, deletedNow: true };
  }

  private replace(conversation: ConversationKey, message: ChatMessage): ChatMessage {
    const messages = this.conversations.get(conversation);
    if (messages !== undefined) messages[message.seq - 1] = message;
    this.byMessageId.set(message.messageId, { conversation, message });
    if (message.clientMessageId !== undefined) this.byClientMessageId.set(`${message.senderId}:${message.clientMessageId}`, message);
    return message;
  }
}

const toMessage = (input: NewMessage, seq: number): ChatMessage => {
  const message: ChatMessage = {
    messageId: randomUUID(),
    kind: input.kind,
    senderId: input.senderId,
    ...(input.recipientId === undefined ? {} : { recipientId: input.recipientId }),
    ...(input.roomId === undefined ? {} : { roomId: input.roomId }),
    message: input.message,
    timestamp: input.timestamp,
    seq,
    ...(input.clientMessageId === undefined ? {} : { clientMessageId: input.clientMessageId }),
  };
  return Object.freeze(message);
};
