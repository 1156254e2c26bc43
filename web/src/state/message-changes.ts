import type { DeletedMessage, PushedMessage } from '../api/ws-frames';
import { conversationKey, type ConversationKey } from './conversations';

/** The conversation (as the signed-in `me` sees it) a pushed message, edit or tombstone belongs to. */
export const conversationOf = (message: PushedMessage | DeletedMessage, me: number): ConversationKey | undefined => {
  if (message.kind === 'room') return message.roomId === undefined ? undefined : conversationKey('room', message.roomId);
  const peer = message.senderId === me ? message.recipientId : message.senderId;
  return peer === undefined ? undefined : conversationKey('private', peer);
};
