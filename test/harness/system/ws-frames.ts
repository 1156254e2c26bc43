import type { Frame, FramePredicate } from './chat-socket';
import type { Json } from './http-client';

/*
 * The /ws/chat protocol as the tests read it, in one place. Client frames are
 * `{type, id?, ...fields}` (private.send {to, message, clientMessageId?}, room.send
 * {roomId, message, clientMessageId?}, room.create {name}, room.join/room.leave {roomId},
 * ping). Replies carry the request's id: `{type:'ack', id, result}` with the HTTP body,
 * `{type:'error', id, code, message}` with the HTTP error's code, `{type:'pong', id}`.
 */

/** The `result` of an `ack` reply; fails showing the frame when it is anything else. */
export const ackBody = (reply: Frame): Json => {
  if (reply.type !== 'ack') throw new Error(`expected an ack, got ${JSON.stringify(reply)}`);
  return reply.result;
};

/** `{code, message}` of an `error` reply; fails showing the frame when it is anything else. */
export const errorBody = (reply: Frame): { code: string; message: string } => {
  if (reply.type !== 'error') throw new Error(`expected an error, got ${JSON.stringify(reply)}`);
  return { code: reply.code, message: reply.message };
};

/** A pushed chat message whose payload satisfies `matches`. */
export const messagePush =
  (matches: (message: Json) => boolean = () => true): FramePredicate =>
  (frame) =>
    frame.type === 'message' && typeof frame.message === 'object' && frame.message !== null && matches(frame.message);

/** A pushed chat message with this text. */
export const pushWithText = (text: string): FramePredicate => messagePush((message) => message.message === text);

/** A `room.joined` / `room.left` push about `userId` in `roomId`. */
export const roomEvent =
  (type: 'room.joined' | 'room.left', roomId: number, userId: number): FramePredicate =>
  (frame) =>
    frame.type === type && frame.roomId === roomId && frame.userId === userId;

/** Any pushed frame concerning `roomId` (a message in it, or a membership change). */
export const anythingAboutRoom =
  (roomId: number): FramePredicate =>
  (frame) =>
    (frame.type !== 'message' && frame.roomId === roomId) || (frame.type === 'message' && frame.message?.roomId === roomId);
