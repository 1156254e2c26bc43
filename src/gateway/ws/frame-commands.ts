import { DomainError } from '@chatterroom/kernel';
import { idField, type InputFields } from '../api/input-fields';
import { sendPrivateMessage } from '../api/private-chat.api';
import { sendRoomMessage } from '../api/room-chat.api';
import { createRoom, joinRoom, leaveRoom } from '../api/rooms.api';
import { readFrameCommand } from './read-frame';
import { addRoomMember, deleteRoom, removeRoomMember, setRoomRole, updateRoom } from '../api/room-administration.api';
import { deleteMessage, editMessage } from '../api/message-changes.api';
import { stringField } from '../api/input-fields';
import type { GatewayDeps } from '../gateway-deps';

/** One client operation: the same api function, hence the same result body, as its HTTP route. */
type FrameCommand = (deps: GatewayDeps, callerId: number, fields: InputFields) => Promise<unknown>;

const COMMANDS: Readonly<Record<string, FrameCommand>> = {
  'private.send': (deps, callerId, fields) => sendPrivateMessage(deps, callerId, idField(fields, 'to'), fields),
  'room.send': (deps, callerId, fields) => sendRoomMessage(deps, callerId, idField(fields, 'roomId'), fields),
  'room.create': (deps, callerId, fields) => createRoom(deps, callerId, fields),
  'room.join': (deps, callerId, fields) => joinRoom(deps, callerId, idField(fields, 'roomId')),
  'room.leave': (deps, callerId, fields) => leaveRoom(deps, callerId, idField(fields, 'roomId')),
  read: readFrameCommand,
  'room.add-member': (deps, callerId, fields) => addRoomMember(deps, callerId, idField(fields, 'roomId'), fields),
  'room.remove-member': (deps, callerId, fields) => removeRoomMember(deps, callerId, idField(fields, 'roomId'), idField(fields, 'userId')),
  'room.set-role': (deps, callerId, fields) => setRoomRole(deps, callerId, idField(fields, 'roomId'), idField(fields, 'userId'), fields),
  'room.update': (deps, callerId, fields) => updateRoom(deps, callerId, idField(fields, 'roomId'), fields),
  'room.delete': (deps, callerId, fields) => deleteRoom(deps, callerId, idField(fields, 'roomId')),
  'message.edit': (deps, callerId, fields) => editMessage(deps, callerId, stringField(fields, 'messageId'), { message: fields.message }),
  'message.delete': (deps, callerId, fields) => deleteMessage(deps, callerId, stringField(fields, 'messageId')),
};

export const unknownFrameType = (type: string): DomainError =>
  new DomainError('UNKNOWN_FRAME_TYPE', 'invalid', `Unknown frame type "${type.slice(0, 64)}"`);

/** The frame types that run a command (each must be in the frame registry to be reachable). */
export const frameCommandTypes = (): string[] => Object.keys(COMMANDS);

/** The command a frame type names, or undefined (own keys only: "constructor" is not a command). */
export const frameCommandOf = (type: string): FrameCommand | undefined =>
  Object.hasOwn(COMMANDS, type) ? COMMANDS[type] : undefined;
