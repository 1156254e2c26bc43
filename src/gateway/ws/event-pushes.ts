import {
  MESSAGE_DELETED_V1,
  MESSAGE_EDITED_V1,
  MESSAGE_POSTED_V1,
  ROOM_MEMBER_JOINED_V1,
  ROOM_MEMBER_LEFT_V1,
  READ_MARKER_MOVED_V1,
  type ChatMessage,
  type ReadMarkerMovedV1,
  type MessagePostedV1,
  type RoomMembershipChangedV1,
} from '@chatterroom/chat/contracts';
import { isPositiveInt32, type IntegrationEvent } from '@chatterroom/kernel';
import { roomEventFrameOf } from './room-event-pushes';
import { readFrameOf } from './read-push';
import type { DeletedMessage, PushedMessage, ServerFrame } from './server-frames';
import { editedMessageBody, messageBody } from '../api/message-bodies';

/** A frame to push and the users (each once) whose sockets get it. */
export interface Push {
  readonly frame: ServerFrame;
  readonly audience: readonly number[];
}

/**
 * The event's audience (each userId once), or undefined when it has none or a malformed one.
 * The chat module records audiences ascending, each once: such a list is checked in one pass
 * and used as it is; any other is de-duplicated.
 */
export const audienceOf = (payload: unknown): readonly number[] | undefined => {
  const audience = (payload as { audience?: unknown } | null)?.audience;
  if (!Array.isArray(audience)) return undefined;
  let previous = 0;
  let ascending = true;
  for (const userId of audience as unknown[]) {
    if (!isPositiveInt32(userId)) return undefined;
    if (userId <= previous) ascending = false;
    previous = userId;
  }
  return ascending ? (audience as number[]) : [...new Set(audience as number[])];
};

/** A message as pushed and listed: the sender's clientMessageId stays with the sender. */
export const pushedMessage = (message: ChatMessage): PushedMessage => messageBody(message);

const messagePosted = (payload: MessagePostedV1): ServerFrame | undefined =>
  typeof payload.message === 'object' && payload.message !== null
    ? { type: 'message', message: pushedMessage(payload.message) }
    : undefined;

const isMessage = (value: unknown): value is ChatMessage =>
  typeof value === 'object' && value !== null && typeof (value as ChatMessage).messageId === 'string';

const messageEdited = (payload: { message?: unknown }): ServerFrame | undefined =>
  isMessage(payload.message)
    ? { type: 'message.edited', message: editedMessageBody(payload.message) }
    : undefined;

const deletedMessage = (message: ChatMessage): DeletedMessage => ({
  messageId: message.messageId,
  kind: message.kind,
  senderId: message.senderId,
  ...(message.recipientId === undefined ? {} : { recipientId: message.recipientId }),
  ...(message.roomId === undefined ? {} : { roomId: message.roomId }),
  seq: message.seq,
  deleted: true,
});

const messageDeleted = (payload: { message?: unknown }): ServerFrame | undefined =>
  isMessage(payload.message) ? { type: 'message.deleted', message: deletedMessage(payload.message) } : undefined;

const membershipChanged = (type: 'room.joined' | 'room.left', payload: RoomMembershipChangedV1): ServerFrame | undefined =>
  isPositiveInt32(payload.roomId) && isPositiveInt32(payload.userId)
    ? { type, roomId: payload.roomId, userId: payload.userId }
    : undefined;

/**
 * What a chat event pushes to clients; undefined for events clients do not see (or malformed
 * ones). Every frame of an event that carries a cursor carries it too, whatever its type.
 */
export const pushOf = (event: IntegrationEvent): Push | undefined => {
  const push = framePushOf(event);
  if (push === undefined || typeof event.cursor !== 'string') return push;
  return { frame: { ...push.frame, cursor: event.cursor } as ServerFrame, audience: push.audience };
};

const framePushOf = (event: IntegrationEvent): Push | undefined => {
  const audience = audienceOf(event.payload);
  if (audience === undefined) return undefined;
  let frame: ServerFrame | undefined;
  if (event.type === MESSAGE_POSTED_V1) frame = messagePosted(event.payload as MessagePostedV1);
  else if (event.type === ROOM_MEMBER_JOINED_V1) frame = membershipChanged('room.joined', event.payload as RoomMembershipChangedV1);
  else if (event.type === ROOM_MEMBER_LEFT_V1) frame = membershipChanged('room.left', event.payload as RoomMembershipChangedV1);
  else if (event.type === MESSAGE_EDITED_V1) frame = messageEdited(event.payload as { message?: unknown });
  else if (event.type === MESSAGE_DELETED_V1) frame = messageDeleted(event.payload as { message?: unknown });
  else if (event.type === READ_MARKER_MOVED_V1) frame = readFrameOf(event.payload as ReadMarkerMovedV1);
  else frame = roomEventFrameOf(event);
  return frame === undefined ? undefined : { frame, audience };
};
