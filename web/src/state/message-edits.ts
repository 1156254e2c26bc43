import type { AuthSession } from '../api/auth-session';

/** Author only: the message's new text. Rejects with the server's ApiError. */
export const editMessage = async (auth: AuthSession, messageId: string, text: string): Promise<{ readonly text: string; readonly editedAt: string | undefined }> => {
  const edited = await auth.call('patch', '/chats/messages/{messageId}', { path: { messageId }, body: { message: text } });
  return { text: edited.message, editedAt: edited.editedAt };
};

/** Its author, or a room's owner and admins: the message becomes a tombstone. Rejects with the server's ApiError. */
export const deleteMessage = async (auth: AuthSession, messageId: string): Promise<{ readonly seq: number }> => {
  const deleted = await auth.call('delete', '/chats/messages/{messageId}', { path: { messageId } });
  return { seq: deleted.seq };
};
