import type { ChatMessage } from '../contracts';

/** What stays of a deleted message: its place (id, seq, conversation, sender, time), not its text. */
export const tombstoneOf = (message: ChatMessage): ChatMessage => {
  const { editedAt: _editedAt, ...kept } = message;
  return { ...kept, message: '', deleted: true };
};
