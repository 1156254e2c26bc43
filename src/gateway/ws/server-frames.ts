import type { ChatMessage, RoomRole, RoomVisibility } from '@chatterroom/chat/contracts';
import type { PresenceState } from '@chatterroom/kernel';
import type { ReadFrame } from './read-push';

/** The `id` a client may put on a frame; echoed in the reply. */
export type FrameId = string | number;

/** A message as pushed to its audience (the sender's clientMessageId stays with the sender). */
export type PushedMessage = Pick<ChatMessage, 'messageId' | 'kind' | 'senderId' | 'recipientId' | 'roomId' | 'message' | 'timestamp' | 'seq'>;

/**
 * Every frame the server sends on /ws/chat. Pushed chat events carry the `cursor` of their
 * event (opaque, ordered): a client keeps the last one and resumes from it.
 */
export type ServerFrame =
  | { readonly type: 'ready'; readonly userId: number; readonly cursor?: string }
  | { readonly type: 'resumed'; readonly cursor: string; readonly replayed: number }
  | { readonly type: 'resync'; readonly cursor: string; readonly code: string; readonly message: string }
  | { readonly type: 'ack'; readonly id?: FrameId; readonly result: unknown }
  | { readonly type: 'error'; readonly id?: FrameId; readonly code: string; readonly message: string; readonly retryAfterMs?: number; readonly clientMessageId?: string }
  | { readonly type: 'pong'; readonly id?: FrameId }
  | { readonly type: 'message'; readonly message: PushedMessage; readonly cursor?: string }
  | { readonly type: 'room.joined' | 'room.left'; readonly roomId: number; readonly userId: number; readonly cursor?: string }
  | ReadFrame
  | RoomEventFrame
  | { readonly type: 'message.edited'; readonly message: PushedMessage & { readonly editedAt?: string } }
  | { readonly type: 'message.deleted'; readonly message: DeletedMessage }
  | { readonly type: 'typing'; readonly userId: number; readonly roomId?: number }
  | ({ readonly type: 'presence' } & PresenceState);

/** A deleted message as pushed: its tombstone, with the conversation it belongs to. */
export type DeletedMessage = Pick<ChatMessage, 'messageId' | 'kind' | 'senderId' | 'recipientId' | 'roomId' | 'seq'> & { readonly deleted: true };

/** Pushes about running a room (issue 10); `byUserId` is who did it. */
export type RoomEventFrame =
  | { readonly type: 'room.member-added' | 'room.role-changed'; readonly roomId: number; readonly userId: number; readonly role: RoomRole; readonly byUserId: number }
  | { readonly type: 'room.member-removed'; readonly roomId: number; readonly userId: number; readonly byUserId: number }
  | { readonly type: 'room.updated'; readonly roomId: number; readonly name: string; readonly visibility: RoomVisibility; readonly byUserId: number }
  | { readonly type: 'room.deleted'; readonly roomId: number; readonly byUserId: number };

const withId = (id: FrameId | undefined): { id?: FrameId } => (id === undefined ? {} : { id });

export const ackFrame = (id: FrameId | undefined, result: unknown): ServerFrame => ({ type: 'ack', ...withId(id), result });

/**
 * An error reply; RATE_LIMITED ones say in `retryAfterMs` when to try again, CHAT_SEND_OUTCOME_UNKNOWN
 * ones in `clientMessageId` what to send again with.
 */
export const errorFrame = (id: FrameId | undefined, code: string, message: string, retryAfterMs?: number, clientMessageId?: string): ServerFrame => ({
  type: 'error',
  ...withId(id),
  code,
  message,
  ...(retryAfterMs === undefined ? {} : { retryAfterMs }),
  ...(clientMessageId === undefined ? {} : { clientMessageId }),
});

export const pongFrame = (id: FrameId | undefined): ServerFrame => ({ type: 'pong', ...withId(id) });
