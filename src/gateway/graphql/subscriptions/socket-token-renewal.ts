import { DomainError, validationFailed } from '@chatterroom/kernel';
import type { ResolverContext } from '../graphql-context';
import { codedError } from '../graphql-errors';

/**
 * `renewSocketToken`: over a subscription socket, a fresh access token of the same user
 * moves the socket's expiry (4401 at the new `exp`) and session to it, and the socket's
 * later operations forward it. Over HTTP there is no socket to renew.
 * @throws DomainError VALIDATION_FAILED (not a socket), AUTH_INVALID_TOKEN, AUTH_USER_MISMATCH
 */
export const renewSocketToken = async (context: ResolverContext, token: string): Promise<{ expiresAt: string }> => {
  const { renewSocket } = context;
  if (renewSocket === undefined) throw validationFailed('renewSocketToken runs over a subscription WebSocket only');
  try {
    const userId = await context.caller.id();
    const claims = await context.ports.tokenVerifier.verify(token);
    if (claims.userId !== userId) throw new DomainError('AUTH_USER_MISMATCH', 'forbidden', 'The token belongs to another user than this socket');
    renewSocket(claims);
    context.caller.renew(claims, token);
    return { expiresAt: claims.expiresAt };
  } catch (error) {
    // over the socket no error formatter runs: the code travels with the error itself
    throw codedError(error);
  }
};
