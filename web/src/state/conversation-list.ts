import type { AuthSession } from '../api/auth-session';
import type { SuccessBody } from '../api/http-client';
import { newConversation, type Conversation } from './conversations';

type ListItem = SuccessBody<'/conversations', 'get'>['conversations'][number];

/** Conversations read per page of GET /conversations. */
export const CONVERSATIONS_PAGE = 30;

export interface ConversationPage {
  readonly conversations: readonly Conversation[];
  /** Where the next page starts; null on the last page. */
  readonly nextCursor: string | null;
}

/** A conversation as GET /conversations lists it; undefined for an item of neither kind. */
export const fromListItem = (item: ListItem): Conversation | undefined => {
  const base =
    item.kind === 'private' && item.peer !== undefined
      ? newConversation('private', item.peer.userId, item.peer.username, item.updatedAt)
      : item.kind === 'room' && item.room !== undefined
        ? newConversation('room', item.room.roomId, item.room.name, item.updatedAt)
        : undefined;
  if (base === undefined) return undefined;
  const last = item.lastMessage;
  return {
    ...base,
    unread: item.unreadCount,
    lastSeq: item.lastSeq,
    readSeq: item.readSeq,
    peerReadSeq: item.peerReadSeq ?? 0,
    lastMessage: last === null ? undefined : { senderId: last.senderId, text: last.message, seq: last.seq },
  };
};

/**
 * A listed conversation over what the client already had of it: the server's counts, markers
 * and order, unless a push already took it further; the messages read and the room's details stay.
 */
export const mergeListed = (known: Conversation | undefined, listed: Conversation): Conversation => {
  if (known === undefined) return listed;
  const newer = known.lastSeq > listed.lastSeq;
  return {
    ...known,
    title: listed.title,
    lastSeq: Math.max(known.lastSeq, listed.lastSeq),
    readSeq: Math.max(known.readSeq, listed.readSeq),
    peerReadSeq: Math.max(known.peerReadSeq, listed.peerReadSeq),
    unread: newer ? known.unread : known.readSeq > listed.readSeq ? Math.min(listed.unread, Math.max(0, listed.lastSeq - known.readSeq)) : listed.unread,
    updatedAt: newer || known.updatedAt > listed.updatedAt ? known.updatedAt : listed.updatedAt,
    lastMessage: newer ? known.lastMessage : listed.lastMessage,
  };
};

/** One page of the signed-in person's conversations, newest activity first (GET /conversations). */
export const readConversationPage = async (auth: AuthSession, before: string | undefined): Promise<ConversationPage> => {
  const page = await auth.call('get', '/conversations', { query: { limit: String(CONVERSATIONS_PAGE), ...(before === undefined ? {} : { before }) } });
  return {
    conversations: page.conversations.map(fromListItem).filter((conversation) => conversation !== undefined),
    nextCursor: page.nextCursor,
  };
};
