import type { AuthSession } from '../api/auth-session';
import { fromPush, fromTombstone } from './history-api';
import type { ChatMessage } from './messages';

/** Author only: the message as edited. Rejects with the server's ApiError. */
export const editMessage = async (auth: AuthSession, messageId: string, text: string): Promise<ChatMessage> =>
  fromPush(await auth.call('patch', '/chats/messages/{messageId}', { path: { messageId }, body: { message: text } }));

/** Its author, or a room's owner and admins: the message becomes a tombstone (returned). Rejects with the server's ApiError. */
export const deleteMessage = async (auth: AuthSession, messageId: string): Promise<ChatMessage> =>
  fromTombstone(await auth.call('delete', '/chats/messages/{messageId}', { path: { messageId } }));
