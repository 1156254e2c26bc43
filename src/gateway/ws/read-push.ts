import type { ReadMarkerMovedV1 } from '@chatterroom/chat/contracts';
import { isPositiveInt32 } from '@chatterroom/kernel';

/** `{"type":"read",...}`: a read marker moved (to the reader's devices, and in a private chat to the other person). */
export interface ReadFrame {
  readonly type: 'read';
  readonly kind: 'private' | 'room';
  /** The reader. */
  readonly userId: number;
  readonly peerId?: number;
  readonly roomId?: number;
  /** The seq of the last message read. */
  readonly seq: number;
}

/** The frame of a `chat.read-marker-moved.v1` event, or undefined for a malformed one. */
export const readFrameOf = (payload: ReadMarkerMovedV1): ReadFrame | undefined => {
  if (!isPositiveInt32(payload.userId) || !Number.isSafeInteger(payload.seq)) return undefined;
  if (payload.kind === 'private' && isPositiveInt32(payload.peerId)) {
    return { type: 'read', kind: 'private', userId: payload.userId, peerId: payload.peerId, seq: payload.seq };
  }
  if (payload.kind === 'room' && isPositiveInt32(payload.roomId)) {
    return { type: 'read', kind: 'room', userId: payload.userId, roomId: payload.roomId, seq: payload.seq };
  }
  return undefined;
};
