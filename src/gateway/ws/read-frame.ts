import { validationFailed } from '@chatterroom/kernel';
import { markRead } from '../api/conversations.api';
import { idField, type InputFields } from '../api/input-fields';
import type { GatewayDeps } from '../gateway-deps';

/**
 * `{"type":"read","peerId":8,"seq":12}` or `{"type":"read","roomId":3,"seq":40}`: moves the
 * caller's read marker, as POST /chats/private/{userId}/read and /chats/room/{roomId}/read do.
 */
export const readFrameCommand = (deps: GatewayDeps, callerId: number, fields: InputFields): Promise<unknown> => {
  const hasPeer = fields.peerId !== undefined;
  if (hasPeer === (fields.roomId !== undefined)) throw validationFailed('a read frame names exactly one of peerId and roomId');
  const target = hasPeer ? { peerId: idField(fields, 'peerId') } : { roomId: idField(fields, 'roomId') };
  return markRead(deps, callerId, target, { seq: fields.seq });
};
