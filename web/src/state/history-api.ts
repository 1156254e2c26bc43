import type { AuthSession } from '../api/auth-session';
import type { SuccessBody } from '../api/http-client';
import type { DeletedMessage, PushedMessage } from '../api/ws-frames';
import type { HistoryPage } from './catch-up';
import type { ChatMessage } from './messages';

type PrivateSent = SuccessBody<'/chats/private/{recipientId}', 'post'>;
type RoomSent = SuccessBody<'/chats/room/{roomId}', 'post'>;
type PrivateHistoryItem = SuccessBody<'/chats/private/{recipientId}/history', 'get'>[number];
type RoomHistoryItem = SuccessBody<'/chats/room/{roomId}/history', 'get'>[number];

/** A history item (private ones name the sender `senderId`, room ones `userId`). */
export const fromHistory = (item: PrivateHistoryItem | RoomHistoryItem): ChatMessage =>
  'deleted' in item
    ? { messageId: item.messageId, senderId: 0, text: '', timestamp: '', seq: item.seq, deleted: true }
    : {
        messageId: item.messageId,
        senderId: 'senderId' in item ? item.senderId : item.userId,
        text: item.message,
        timestamp: item.timestamp,
        seq: item.seq,
        ...(item.editedAt === undefined ? {} : { editedAt: item.editedAt }),
      };

/** The answer of a send. */
export const fromSent = (sent: PrivateSent | RoomSent): ChatMessage => ({
  messageId: sent.messageId,
  senderId: sent.senderId,
  text: sent.message,
  timestamp: sent.timestamp,
  seq: sent.seq,
});

/** A message pushed over /ws/chat (new, or edited). */
export const fromPush = (pushed: PushedMessage & { readonly editedAt?: string }): ChatMessage => ({
  messageId: pushed.messageId,
  senderId: pushed.senderId,
  text: pushed.message,
  timestamp: pushed.timestamp,
  seq: pushed.seq,
  ...(pushed.editedAt === undefined ? {} : { editedAt: pushed.editedAt }),
});

/** A deleted message's tombstone, as pushed or as a delete answers it. */
export const fromTombstone = (tombstone: Pick<DeletedMessage, 'messageId' | 'seq'>): ChatMessage => ({
  messageId: tombstone.messageId,
  senderId: 0,
  text: '',
  timestamp: '',
  seq: tombstone.seq,
  deleted: true,
});

export const privateHistoryPage =
  (auth: AuthSession, peerId: number): HistoryPage =>
  async (before, limit) =>
    (
      await auth.call('get', '/chats/private/{recipientId}/history', { path: { recipientId: String(peerId) }, query: { limit: String(limit), ...(before === undefined ? {} : { before }) } })
    ).map(fromHistory);

export const roomHistoryPage =
  (auth: AuthSession, roomId: number): HistoryPage =>
  async (before, limit) =>
    (await auth.call('get', '/chats/room/{roomId}/history', { path: { roomId: String(roomId) }, query: { limit: String(limit), ...(before === undefined ? {} : { before }) } })).map(fromHistory);
