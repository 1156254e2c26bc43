import {
  READ_MARKER_MOVED_V1,
  type ConversationPage,
  type Conversations,
  type ListConversationsInput,
  type MarkReadInput,
  type ReadMarkerState,
} from '@chatterroom/chat/contracts';
import { createEvent, type EventBus } from '@chatterroom/kernel';

/**
 * A hand-written stand-in for the chat module's Conversations port: it keeps no conversations
 * (the list is always empty) but keeps read markers, moving them forward only and announcing
 * each move, so the gateway's routes, frames and pushes can be driven without the chat module.
 */
export class FakeConversations implements Conversations {
  private readonly markers = new Map<string, number>();

  constructor(private readonly deps: { eventBus: EventBus }) {}

  async listConversations(_input: ListConversationsInput): Promise<ConversationPage> {
    return { conversations: [] };
  }

  async markRead(input: MarkReadInput): Promise<ReadMarkerState> {
    const target = input.roomId === undefined ? { kind: 'private' as const, peerId: input.peerId ?? input.userId } : { kind: 'room' as const, roomId: input.roomId };
    const key = `${input.userId}|${target.kind}|${target.kind === 'room' ? target.roomId : target.peerId}`;
    const before = this.markers.get(key) ?? 0;
    const readSeq = Math.max(before, input.seq);
    this.markers.set(key, readSeq);
    if (readSeq > before) {
      const audience = target.kind === 'private' ? [...new Set([input.userId, target.peerId])] : [input.userId];
      await this.deps.eventBus.publish(createEvent(READ_MARKER_MOVED_V1, { ...target, userId: input.userId, seq: readSeq, audience }, new Date()));
    }
    return { ...target, userId: input.userId, readSeq, lastSeq: readSeq, unreadCount: 0 };
  }
}
