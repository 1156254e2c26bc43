import type { DeletedMessage, PushedMessage } from '../api/ws-frames';
import { conversationKey, type ConversationKey } from './conversations';
import type { ChatMessage } from './messages';

/** An edit or a deletion of one message, from a push or from the answer to one's own action. */
export type MessageChange =
  | { readonly kind: 'edited'; readonly messageId: string; readonly text: string; readonly editedAt: string | undefined }
  | { readonly kind: 'deleted'; readonly messageId: string; readonly seq: number };

/**
 * `messages` with the change applied: an edit replaces the text and sets `editedAt`; a deletion
 * leaves a tombstone in the same place (its seq), so the log keeps its order and shows the gap.
 * Returns `messages` itself when the message is not there or already looks like that.
 */
export const applyMessageChange = (messages: readonly ChatMessage[], change: MessageChange): readonly ChatMessage[] => {
  const index = messages.findIndex((message) => message.messageId === change.messageId);
  const known = messages[index];
  if (known === undefined || known.deleted === true) return messages;
  let next: ChatMessage;
  if (change.kind === 'deleted') {
    next = { messageId: known.messageId, senderId: 0, text: '', timestamp: '', seq: known.seq, deleted: true };
  } else {
    if (known.text === change.text && known.editedAt === change.editedAt) return messages;
    next = { ...known, text: change.text, ...(change.editedAt === undefined ? {} : { editedAt: change.editedAt }) };
  }
  return messages.map((message, at) => (at === index ? next : message));
};

/** The conversation (as the signed-in `me` sees it) a pushed message, edit or tombstone belongs to. */
export const conversationOf = (message: PushedMessage | DeletedMessage, me: number): ConversationKey | undefined => {
  if (message.kind === 'room') return message.roomId === undefined ? undefined : conversationKey('room', message.roomId);
  const peer = message.senderId === me ? message.recipientId : message.senderId;
  return peer === undefined ? undefined : conversationKey('private', peer);
};
