import { requirePositiveInt32, validationFailed } from '@chatterroom/kernel';
import type { Clock, Logger } from '@chatterroom/kernel';
import { ChatErrors, MESSAGE_DELETED_V1, MESSAGE_EDITED_V1 } from '../contracts';
import type { ChatMessage, DeleteMessageInput, EditMessageInput, MessageDeletedV1, MessageEditedV1, MessageEditing } from '../contracts';
import type { ChatEventLog, MessageStore, RoomMembership, RoomModeration } from '../ports';
import { audienceOf } from '../domain/audience';
import { requireInputObject } from '../domain/input-object';
import { requireMessageText } from '../domain/message-text';
import { announce, type EventRecordedSignal } from './announce';
import type { ConversationTracking } from './conversation-tracking';

export interface MessageEditingServiceDeps {
  readonly messageStore: MessageStore;
  readonly roomMembership: RoomMembership;
  readonly roomModeration: RoomModeration;
  readonly conversationTracking: ConversationTracking;
  readonly chatEventLog: ChatEventLog;
  readonly chatEventRelay?: EventRecordedSignal;
  readonly clock: Clock;
  readonly logger: Logger;
}

/** The longest messageId looked up; longer ones cannot exist (ids are UUIDs). */
const MESSAGE_ID_MAX_LENGTH = 64;

const requireMessageId = (value: unknown): string => {
  if (typeof value !== 'string' || value.length === 0 || value.length > MESSAGE_ID_MAX_LENGTH) {
    throw validationFailed(`messageId must be a string of 1-${MESSAGE_ID_MAX_LENGTH} characters`);
  }
  return value;
};

/**
 * The in-process {@link MessageEditing}: finds the message, hides it from whoever may not
 * see it, checks who may change it, stores the change, shows it in the conversation's
 * summary and unread counts (even when a retry finds it done), then announces it (through the
 * chat module's one event path) to the conversation's audience at that moment.
 */
export class MessageEditingService implements MessageEditing {
  constructor(private readonly deps: MessageEditingServiceDeps) {}

  async editMessage(input: EditMessageInput): Promise<ChatMessage> {
    requireInputObject(input);
    const userId = requirePositiveInt32(input.userId, 'userId');
    const messageId = requireMessageId(input.messageId);
    const text = requireMessageText(input.message);
    const found = await this.visibleMessage(userId, messageId);
    if (found.deleted === true) throw ChatErrors.messageNotFound(messageId);
    if (found.senderId !== userId) throw ChatErrors.notMessageAuthor(messageId);
    const edited = await this.deps.messageStore.edit({ messageId, message: text, editedAt: this.deps.clock.now().toISOString() });
    if (edited === null) throw ChatErrors.messageNotFound(messageId);
    await this.deps.conversationTracking.messageEdited(edited);
    await announce<MessageEditedV1>(this.deps, MESSAGE_EDITED_V1, async () => ({ message: edited, audience: await this.audienceOf(edited) }));
    return edited;
  }

  async deleteMessage(input: DeleteMessageInput): Promise<ChatMessage> {
    requireInputObject(input);
    const userId = requirePositiveInt32(input.userId, 'userId');
    const messageId = requireMessageId(input.messageId);
    const found = await this.visibleMessage(userId, messageId);
    if (!(await this.mayDelete(userId, found))) throw ChatErrors.mayNotDeleteMessage(messageId);
    const result = await this.deps.messageStore.tombstone(messageId);
    if (result === null) throw ChatErrors.messageNotFound(messageId);
    await this.deps.conversationTracking.messageDeleted(result.message);
    if (result.deletedNow) {
      const { message } = result;
      await announce<MessageDeletedV1>(this.deps, MESSAGE_DELETED_V1, async () => ({ message, audience: await this.audienceOf(message) }));
    }
    return result.message;
  }

  /** The message, if `userId` may see it: a participant of the private conversation, or a member of the room. */
  private async visibleMessage(userId: number, messageId: string): Promise<ChatMessage> {
    const found = await this.deps.messageStore.findById(messageId);
    if (found === null || !(await this.canSee(userId, found))) throw ChatErrors.messageNotFound(messageId);
    return found;
  }

  private async canSee(userId: number, message: ChatMessage): Promise<boolean> {
    if (message.kind === 'room') return message.roomId !== undefined && this.deps.roomMembership.isMember(message.roomId, userId);
    return message.senderId === userId || message.recipientId === userId;
  }

  private async mayDelete(userId: number, message: ChatMessage): Promise<boolean> {
    if (message.senderId === userId) return true;
    return message.kind === 'room' && message.roomId !== undefined && this.deps.roomModeration.mayModerate(message.roomId, userId);
  }

  private async audienceOf(message: ChatMessage): Promise<number[]> {
    if (message.kind === 'room' && message.roomId !== undefined) return this.deps.roomMembership.members(message.roomId);
    return audienceOf(message.senderId, message.recipientId ?? message.senderId);
  }
}
