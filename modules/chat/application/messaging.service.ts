import { randomUUID } from 'node:crypto';
import { requireBeforeDeadline, requirePositiveInt32 } from '@chatterroom/kernel';
import type { Clock, Logger } from '@chatterroom/kernel';
import { ChatErrors, MESSAGE_POSTED_V1 } from '../contracts';
import type {
  ChatMessage,
  Messaging,
  MessagePostedV1,
  PrivateHistoryInput,
  RoomHistoryInput,
  SendPrivateMessageInput,
  SendRoomMessageInput,
} from '../contracts';
import type { ChatEventLog, ConversationKey, MessageStore, NewMessage, RoomMembership, RoomStore, UserLookup } from '../ports';
import { audienceOf } from '../domain/audience';
import { optionalClientMessageId } from '../domain/client-message-id';
import { privateConversation, roomConversation } from '../domain/conversation-key';
import { requireHistoryPaging } from '../domain/history-paging';
import type { ValidHistoryPaging } from '../domain/history-paging';
import { requireInputObject } from '../domain/input-object';
import { requireMessageText } from '../domain/message-text';
import type { EventRecordedSignal } from './announce';
import type { ConversationTracking } from './conversation-tracking';
import { MessageAppendBatcher } from './message-append-batcher';
import { requireRoomMember } from './room-access';


export interface MessagingServiceDeps {
  readonly messageStore: MessageStore;
  readonly roomStore: RoomStore;
  readonly roomMembership: RoomMembership;
  readonly userLookup: UserLookup;
  readonly chatEventLog: ChatEventLog;
  readonly chatEventRelay?: EventRecordedSignal;
  readonly conversationTracking: ConversationTracking;
  readonly clock: Clock;
  readonly logger: Logger;
}

/**
 * The in-process {@link Messaging}: validates, checks access, then stores each message
 * together with its announcement (the chat event log's `chat.message-posted.v1`, with the
 * audience of that moment), which the relay publishes.
 * Concurrent appends to one conversation are group-committed ({@link MessageAppendBatcher}):
 * those that queue while a commit is in flight share the next one (one seq allocation, one
 * batched insert, one summary and marker write per sender), so one conversation's throughput
 * is not bounded by one round trip per message.
 */
export class MessagingService implements Messaging {
  private readonly appends: MessageAppendBatcher;

  constructor(private readonly deps: MessagingServiceDeps) {
    this.appends = new MessageAppendBatcher({
      messageStore: deps.messageStore,
      afterCommit: async (conversation, results) => {
        if (results.some((result) => result.created)) this.deps.chatEventRelay?.kick();
        await this.deps.conversationTracking.messagesStored(conversation, results.map((result) => result.message));
      },
    });
  }

  async sendPrivateMessage(input: SendPrivateMessageInput): Promise<ChatMessage> {
    requireInputObject(input);
    const senderId = requirePositiveInt32(input.fromUserId, 'fromUserId');
    const recipientId = requirePositiveInt32(input.toUserId, 'toUserId');
    const message = requireMessageText(input.message);
    const clientMessageId = optionalClientMessageId(input.clientMessageId);
    if (!(await this.deps.userLookup.exists(recipientId))) throw ChatErrors.recipientNotFound(recipientId);

    const conversation = privateConversation(senderId, recipientId);
    const base = { conversation, kind: 'private', senderId, recipientId, message } as const;
    return this.post(this.newMessage(base, clientMessageId, input.deadline), async () => audienceOf(senderId, recipientId));
  }

  async getPrivateHistory(input: PrivateHistoryInput): Promise<ChatMessage[]> {
    requireInputObject(input);
    const fromUserId = requirePositiveInt32(input.fromUserId, 'fromUserId');
    const toUserId = requirePositiveInt32(input.toUserId, 'toUserId');
    const paging = requireHistoryPaging(input);
    return this.page(privateConversation(fromUserId, toUserId), paging);
  }

  async sendRoomMessage(input: SendRoomMessageInput): Promise<ChatMessage> {
    requireInputObject(input);
    const senderId = requirePositiveInt32(input.userId, 'userId');
    const roomId = requirePositiveInt32(input.roomId, 'roomId');
    const message = requireMessageText(input.message);
    const clientMessageId = optionalClientMessageId(input.clientMessageId);
    await requireRoomMember(this.deps, roomId, senderId);

    const base = { conversation: roomConversation(roomId), kind: 'room', senderId, roomId, message } as const;
    return this.post(this.newMessage(base, clientMessageId, input.deadline), () => this.deps.roomMembership.members(roomId));
  }

  async getRoomHistory(input: RoomHistoryInput): Promise<ChatMessage[]> {
    requireInputObject(input);
    const userId = requirePositiveInt32(input.userId, 'userId');
    const roomId = requirePositiveInt32(input.roomId, 'roomId');
    const paging = requireHistoryPaging(input);
    await requireRoomMember(this.deps, roomId, userId);
    return this.page(roomConversation(roomId), paging);
  }

  private newMessage(base: Omit<NewMessage, 'timestamp' | 'clientMessageId' | 'deadline'>, clientMessageId?: string, deadline?: number): NewMessage {
    const timestamp = this.deps.clock.now().toISOString();
    return {
      ...base,
      timestamp,
      ...(clientMessageId === undefined ? {} : { clientMessageId }),
      ...(typeof deadline === 'number' && Number.isFinite(deadline) ? { deadline } : {}),
    };
  }

  /**
   * Stores the message and its announcement in one atomic write (see MessageStore.append), in
   * its conversation's next group commit: a message that was really stored now is announced to
   * the audience read just before, and a retried send (an earlier message returned) announces
   * nothing. The commit then records the conversation's summary and the senders' read markers
   * (again on a repeat, which is harmless and heals a send cut off in between).
   * A send whose deadline passed while it waited (for the audience, or behind other work) is
   * dropped right before it is queued, and again when its commit takes it: DEADLINE_EXCEEDED,
   * nothing stored.
   */
  private async post(newMessage: NewMessage, audienceOf: () => Promise<number[]>): Promise<ChatMessage> {
    const audience = await audienceOf();
    const announcement = {
      id: randomUUID(),
      type: MESSAGE_POSTED_V1,
      occurredAt: this.deps.clock.now().toISOString(),
      audience,
      payloadOf: (message: ChatMessage): MessagePostedV1 => ({ message, audience }),
    };
    requireBeforeDeadline(newMessage.deadline, Date.now(), 'The send');
    const { message } = await this.appends.append({
      message: newMessage,
      announcement,
      ...(newMessage.deadline === undefined ? {} : { deadline: newMessage.deadline }),
    });
    return message;
  }

  private async page(conversation: ConversationKey, { before, after, limit }: ValidHistoryPaging): Promise<ChatMessage[]> {
    const anchorId = before ?? after;
    if (anchorId === undefined) return this.deps.messageStore.page({ conversation, limit });
    const anchor = await this.deps.messageStore.findInConversation(conversation, anchorId);
    if (anchor === null) throw ChatErrors.invalidCursor(anchorId);
    return this.deps.messageStore.page(before === undefined ? { conversation, afterSeq: anchor.seq, limit } : { conversation, beforeSeq: anchor.seq, limit });
  }
}
