import { isDomainError, type Logger } from '../../../../modules/kernel';
import type { TokenVerifier } from '../../../../modules/users/contracts';
import { bearerTokenOf } from '../../http/bearer-token';
import { Caller } from '../caller';

const stringAt = (value: unknown, key: string): string | undefined => {
  const found = typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[key] : undefined;
  return typeof found === 'string' && found !== '' ? found : undefined;
};

/**
 * The token of a connection_init payload: `{ token }`, `{ authorization: "Bearer <token>" }`
 * or `{ headers: { authorization: "Bearer <token>" } }`.
 */
export const tokenOfInitPayload = (payload: unknown): string | undefined => {
  const headers = (payload as { headers?: unknown } | null)?.headers;
  const authorization = stringAt(payload, 'authorization') ?? stringAt(payload, 'Authorization') ?? stringAt(headers, 'authorization');
  return stringAt(payload, 'token') ?? bearerTokenOf(authorization);
};

/**
 * mercurius's `onConnect`: accepts a connection_init only with a valid token, and then
 * sets the connection's caller; false refuses it (the socket is then closed with 4403).
 */
export const authenticateConnection =
  (deps: { tokenVerifier: TokenVerifier; logger: Logger }) =>
  async ({ payload }: { payload: unknown }): Promise<{ caller: Caller } | false> => {
    const token = tokenOfInitPayload(payload);
    if (token === undefined) return false;
    try {
      return { caller: Caller.verifiedAs((await deps.tokenVerifier.verify(token)).userId, token) };
    } catch (error) {
      if (!isDomainError(error)) deps.logger.error({ err: error }, 'verifying a subscription token failed unexpectedly');
      return false;
    }
  };
