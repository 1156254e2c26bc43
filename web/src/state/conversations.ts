import type { RoomRole, RoomVisibility } from '../api/ws-frames';
import type { ChatMessage } from './messages';

export type ConversationKind = 'private' | 'room';
/** `private:<peer userId>` or `room:<roomId>`. */
export type ConversationKey = `${ConversationKind}:${number}`;

/** What the list shows of the newest message. */
export interface LastMessage {
  readonly senderId: number;
  readonly text: string;
  readonly seq: number;
  readonly deleted?: true;
}

export interface Conversation {
  readonly key: ConversationKey;
  readonly kind: ConversationKind;
  /** The peer's userId or the roomId. */
  readonly id: number;
  /** The peer's username or the room's name. */
  readonly title: string;
  readonly messages: readonly ChatMessage[];
  /** The newest page was read (or the conversation is new and empty). */
  readonly loaded: boolean;
  /** The oldest message is among `messages`: nothing more to read upwards. */
  readonly reachedStart: boolean;
  /** Messages after my read marker (the server's unreadCount, kept live by pushes). */
  readonly unread: number;
  /** The seq of the newest message (0: none). */
  readonly lastSeq: number;
  /** My read marker: the seq of the last message I read. */
  readonly readSeq: number;
  /** Private chats: the other person's read marker ("seen"), as listed then pushed; 0 when they have read nothing. */
  readonly peerReadSeq: number;
  /** The newest activity (ISO-8601): the list is ordered by it, newest first. */
  readonly updatedAt: string;
  readonly lastMessage: LastMessage | undefined;
  /** A room's details (GET /rooms/{roomId}), read when it is opened. */
  readonly room?: RoomDetails;
}

export interface RoomDetails {
  readonly visibility: RoomVisibility;
  /** The signed-in person's role in it. */
  readonly role: RoomRole;
  readonly memberCount: number;
}

export const conversationKey = (kind: ConversationKind, id: number): ConversationKey => `${kind}:${id}`;

export const newConversation = (kind: ConversationKind, id: number, title: string, updatedAt = ''): Conversation => ({
  key: conversationKey(kind, id),
  kind,
  id,
  title,
  messages: [],
  loaded: false,
  reachedStart: false,
  unread: 0,
  lastSeq: 0,
  readSeq: 0,
  peerReadSeq: 0,
  updatedAt,
  lastMessage: undefined,
});

/** The list as shown: newest activity first, then by title. */
export const sortConversations = (conversations: Iterable<Conversation>): Conversation[] =>
  [...conversations].sort((a, b) => b.updatedAt.localeCompare(a.updatedAt) || a.title.localeCompare(b.title));
