import type { WebSocket } from 'ws';
import { DomainError } from '@chatterroom/kernel';
import type { TokenVerifier } from '@chatterroom/users/contracts';
import { stringField, type InputFields } from '../api/input-fields';
import type { SocketSessions } from './socket-sessions';

/**
 * The `auth` frame of one socket: verifies the fresh token, which must be the same user's,
 * and moves the socket's expiry (and session) to it. Answers `{expiresAt}`.
 * @throws DomainError AUTH_INVALID_TOKEN, AUTH_USER_MISMATCH, VALIDATION_FAILED
 */
export const renewSocketToken = async (
  deps: { tokenVerifier: TokenVerifier; sessions: SocketSessions },
  socket: { readonly socket: WebSocket; readonly userId: number },
  fields: InputFields,
): Promise<{ expiresAt: string }> => {
  const claims = await deps.tokenVerifier.verify(stringField(fields, 'token'));
  if (claims.userId !== socket.userId) {
    throw new DomainError('AUTH_USER_MISMATCH', 'forbidden', 'The token belongs to another user than this socket');
  }
  deps.sessions.renew(socket.socket, claims);
  return { expiresAt: claims.expiresAt };
};
