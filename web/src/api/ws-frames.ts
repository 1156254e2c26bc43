/**
 * The frames of /ws/chat the client reads and writes (README, WebSocket). They are not in
 * /openapi.json; the message shape is the HTTP API's where the two meet.
 */
export interface PushedMessage {
  readonly messageId: string;
  readonly kind: 'private' | 'room';
  readonly senderId: number;
  readonly recipientId?: number;
  readonly roomId?: number;
  readonly message: string;
  readonly timestamp: string;
  readonly seq: number;
}

export type RoomRole = 'owner' | 'admin' | 'member';
export type RoomVisibility = 'public' | 'private';

export type ServerFrame =
  | { readonly type: 'ready'; readonly userId: number }
  | { readonly type: 'message'; readonly message: PushedMessage }
  | { readonly type: 'room.joined' | 'room.left'; readonly roomId: number; readonly userId: number }
  | { readonly type: 'room.member-added' | 'room.role-changed'; readonly roomId: number; readonly userId: number; readonly role: RoomRole; readonly byUserId: number }
  | { readonly type: 'room.member-removed'; readonly roomId: number; readonly userId: number; readonly byUserId: number }
  | { readonly type: 'room.updated'; readonly roomId: number; readonly name: string; readonly visibility: RoomVisibility; readonly byUserId: number }
  | { readonly type: 'room.deleted'; readonly roomId: number; readonly byUserId: number }
  | { readonly type: 'ack'; readonly id?: string; readonly result?: unknown }
  | { readonly type: 'error'; readonly id?: string; readonly code: string; readonly message: string; readonly retryAfterMs?: number }
  | { readonly type: 'pong' }
  | { readonly type: 'message.edited'; readonly message: PushedMessage & { readonly editedAt?: string } }
  | { readonly type: 'message.deleted'; readonly message: DeletedMessage };

/** A deleted message as pushed: its tombstone, with the conversation it belongs to. */
export type DeletedMessage = Pick<PushedMessage, 'messageId' | 'kind' | 'senderId' | 'recipientId' | 'roomId' | 'seq'> & { readonly deleted: true };

export type ClientFrame = { readonly type: 'ping' } | { readonly type: 'auth'; readonly id: string; readonly token: string };

/** Parses a text frame; undefined for anything that is not a JSON object with a `type`. */
export const parseServerFrame = (data: unknown): ServerFrame | undefined => {
  if (typeof data !== 'string') return undefined;
  try {
    const frame = JSON.parse(data) as { type?: unknown };
    return typeof frame === 'object' && frame !== null && typeof frame.type === 'string' ? (frame as ServerFrame) : undefined;
  } catch {
    return undefined;
  }
};
