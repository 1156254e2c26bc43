import type { RoomRole, RoomVisibility } from '../api/ws-frames';
import type { ChatMessage } from './messages';

export type ConversationKind = 'private' | 'room';
/** `private:<peer userId>` or `room:<roomId>`. */
export type ConversationKey = `${ConversationKind}:${number}`;

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
  /** Messages that arrived while another conversation was open. */
  readonly unread: number;
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

export const newConversation = (kind: ConversationKind, id: number, title: string): Conversation => ({
  key: conversationKey(kind, id),
  kind,
  id,
  title,
  messages: [],
  loaded: false,
  reachedStart: false,
  unread: 0,
});

/** When the conversation last saw a message ('' for none): the list is ordered newest first by it. */
export const lastActivity = (conversation: Conversation): string => conversation.messages.at(-1)?.timestamp ?? '';

/** The list as shown: latest activity first, then by title. */
export const sortConversations = (conversations: Iterable<Conversation>): Conversation[] =>
  [...conversations].sort((a, b) => lastActivity(b).localeCompare(lastActivity(a)) || a.title.localeCompare(b.title));
