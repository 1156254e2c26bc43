import type { ConversationEntry, Conversations, ReadMarkerState } from '@chatterroom/chat/contracts';
import type { UserDirectory } from '@chatterroom/users/contracts';
import { lastMessageBody, type LastMessageBody } from './message-bodies';
import { inputFieldsOf } from './input-fields';

type ConversationsDeps = { conversations: Conversations; userDirectory: UserDirectory };


/** One conversation of the list: the peer with their username, or the room. */
export interface ConversationBody {
  readonly kind: 'private' | 'room';
  readonly peer?: { readonly userId: number; readonly username: string };
  readonly room?: ConversationEntry['room'];
  /** As pushed on /ws/chat, as it is now: edited, or a tombstone once deleted. */
  readonly lastMessage: LastMessageBody | null;
  readonly lastSeq: number;
  readonly readSeq: number;
  readonly unreadCount: number;
  readonly updatedAt: string;
  /** Private conversations only: the peer's read marker ("seen"), null when the peer has read nothing. */
  readonly peerReadSeq?: number | null;
}

export interface ConversationPageBody {
  readonly conversations: ConversationBody[];
  readonly nextCursor: string | null;
}


const conversationBody = (entry: ConversationEntry, usernames: ReadonlyMap<number, string>): ConversationBody => ({
  kind: entry.kind,
  ...(entry.peerId === undefined ? {} : { peer: { userId: entry.peerId, username: usernames.get(entry.peerId) ?? '' } }),
  ...(entry.room === undefined ? {} : { room: entry.room }),
  lastMessage: entry.lastMessage === null ? null : lastMessageBody(entry.lastMessage),
  lastSeq: entry.lastSeq,
  readSeq: entry.readSeq,
  unreadCount: entry.unreadCount,
  updatedAt: entry.updatedAt,
  ...(entry.kind === 'private' ? { peerReadSeq: entry.peerReadSeq ?? null } : {}),
});

/** One page of the caller's conversations; the peers' usernames come from the users module in one batch. */
export const listConversations = async (
  deps: ConversationsDeps,
  callerId: number,
  paging: { limit?: number; before?: string },
): Promise<ConversationPageBody> => {
  const page = await deps.conversations.listConversations({ userId: callerId, ...paging });
  const peerIds = page.conversations.flatMap((entry) => (entry.peerId === undefined ? [] : [entry.peerId]));
  const peers = peerIds.length === 0 ? [] : await deps.userDirectory.getUsers({ userIds: peerIds });
  const usernames = new Map(peers.map((peer) => [peer.userId, peer.username]));
  return { conversations: page.conversations.map((entry) => conversationBody(entry, usernames)), nextCursor: page.nextCursor ?? null };
};

/** Marks the caller's conversation with a user, or a room, read up to `{seq}`. */
export const markRead = async (
  deps: { conversations: Conversations },
  callerId: number,
  target: { peerId: number } | { roomId: number },
  body: unknown,
): Promise<ReadMarkerState> => deps.conversations.markRead({ userId: callerId, ...target, seq: inputFieldsOf(body).seq as number });

/** `?limit=` (1-100) and `?before=` (a cursor) of the conversation list. */
export const conversationPagingOf = (query: { limit?: unknown; before?: unknown }): { limit?: number; before?: string } => ({
  ...(query.limit === undefined ? {} : { limit: Number(query.limit) }),
  ...(typeof query.before === 'string' ? { before: query.before } : {}),
});
