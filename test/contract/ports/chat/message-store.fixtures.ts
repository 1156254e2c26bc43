import { randomUUID } from 'node:crypto';
import { roomConversation } from '@chatterroom/chat/domain/conversation-key';
import type { ChatMessage } from '@chatterroom/chat/contracts';
import type { ConversationKey, MessageAnnouncement, NewMessage } from '@chatterroom/chat/ports';

/** Messages and announcements in conversations of random ids, for the message store and batcher contracts. */
export const announcementFor = (audience: number[]): MessageAnnouncement => ({
  id: randomUUID(),
  type: 'chat.message-posted.v1',
  occurredAt: new Date().toISOString(),
  audience,
  payloadOf: (message: ChatMessage) => ({ message, audience }),
});

export const freshId = (): number => 1_000_000_000 + Math.floor(Math.random() * 1_000_000_000);
export const freshRoom = (): { conversation: ConversationKey; roomId: number } => {
  const roomId = freshId();
  return { conversation: roomConversation(roomId), roomId };
};

export const roomMessage = (roomId: number, senderId: number, text: string, clientMessageId?: string): NewMessage => ({
  conversation: roomConversation(roomId),
  kind: 'room',
  senderId,
  roomId,
  message: text,
  timestamp: new Date().toISOString(),
  ...(clientMessageId === undefined ? {} : { clientMessageId }),
});

