import type { FastifyRequest, onRequestAsyncHookHandler } from 'fastify';
import type { TokenClaims, TokenVerifier, UserSessions } from '../../../modules/users/contracts';
import { bearerTokenOf, queryTicketOf, queryTokenOf } from './bearer-token';
import { GatewayErrors } from './gateway-errors';
import { sharedPlugin } from './shared-plugin';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The route needs no access token. */
    public?: boolean;
    /**
     * The credential may also come as `?token=` or, better, `?ticket=` (a single-use
     * ticket from POST /ws/ticket): browsers cannot set headers on a WebSocket.
     */
    tokenInQuery?: boolean;
  }
  interface FastifyRequest {
    /** The authenticated caller; null on public routes. */
    callerId: number | null;
    /** What the caller's token (or ticket) proved: user, session, expiry; null on public routes. */
    claims: TokenClaims | null;
  }
}

/** The caller of an authenticated route. */
export const callerIdOf = (request: FastifyRequest): number => claimsOf(request).userId;

/** The claims of an authenticated route's caller. */
export const claimsOf = (request: FastifyRequest): TokenClaims => {
  if (request.claims === null) throw new Error(`No authenticated caller on ${request.method} ${request.routeOptions.url}`);
  return request.claims;
};

/**
 * Secure by default: every route registered after this plugin requires an access token
 * unless its config says `public: true`. The check runs first (onRequest), so a refused
 * request never has its body parsed, and a refused WebSocket is answered 401 before the upgrade.
 */
export const authPlugin = sharedPlugin<{
  tokenVerifier: TokenVerifier;
  userSessions: Pick<UserSessions, 'redeemWsTicket'>;
  /** Routes under these paths are public too (pages a plugin serves, such as GraphiQL). */
  publicPathPrefixes?: readonly string[];
}>('gateway-auth', async (app, { tokenVerifier, userSessions, publicPathPrefixes = [] }) => {
  app.decorateRequest('callerId', null);
  app.decorateRequest('claims', null);

  const claimsFor = async (request: FastifyRequest): Promise<TokenClaims> => {
    const inQuery = request.routeOptions.config.tokenInQuery === true;
    const token = bearerTokenOf(request.headers.authorization) ?? (inQuery ? queryTokenOf(request.query) : undefined);
    if (token !== undefined) return tokenVerifier.verify(token);
    const ticket = inQuery ? queryTicketOf(request.query) : undefined;
    if (ticket !== undefined) return userSessions.redeemWsTicket({ ticket });
    throw GatewayErrors.missingToken();
  };

  const authenticate: onRequestAsyncHookHandler = async (request) => {
    const claims = await claimsFor(request);
    request.claims = claims;
    request.callerId = claims.userId;
  };

  app.addHook('onRoute', (route) => {
    if (route.config?.public === true || publicPathPrefixes.some((prefix) => route.url.startsWith(prefix))) return;
    const existing = route.onRequest === undefined ? [] : [route.onRequest].flat();
    route.onRequest = [authenticate, ...existing];
  });
});
