import type { FastifyRequest, onRequestAsyncHookHandler, RouteHandlerMethod } from 'fastify';
import { CallerCredential } from '@chatterroom/kernel';
import type { TokenClaims, TokenVerifier, UserSessions } from '@chatterroom/users/contracts';
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
    /**
     * The access token forwarded to the services for this caller: the one presented, or for a
     * ticket the fresh token of its session that the redemption answered; null on public routes.
     */
    callerToken: string | null;
  }
}

/** The caller of an authenticated route. */
export const callerIdOf = (request: FastifyRequest): number => claimsOf(request).userId;

/** The claims of an authenticated route's caller. */
export const claimsOf = (request: FastifyRequest): TokenClaims => {
  if (request.claims === null) throw new Error(`No authenticated caller on ${request.method} ${request.routeOptions.url}`);
  return request.claims;
};

/** Runs a route's handler on behalf of the caller's token, which gRPC clients forward to the services. */
const onBehalfOfCaller = (handler: RouteHandlerMethod): RouteHandlerMethod =>
  function (this: ThisParameterType<RouteHandlerMethod>, request, reply) {
    return CallerCredential.run(request.callerToken ?? undefined, () => handler.call(this, request, reply));
  };

/**
 * Secure by default: every route registered after this plugin requires an access token
 * unless its config says `public: true`. The check runs first (onRequest), so a refused
 * request never has its body parsed, and a refused WebSocket is answered 401 before the upgrade.
 * The handler of an authenticated route runs inside the caller's {@link CallerCredential}.
 */
export const authPlugin = sharedPlugin<{
  tokenVerifier: TokenVerifier;
  userSessions: Pick<UserSessions, 'redeemWsTicket'>;
  /** Routes under these paths are public too (pages a plugin serves, such as GraphiQL). */
  publicPathPrefixes?: readonly string[];
}>('gateway-auth', async (app, { tokenVerifier, userSessions, publicPathPrefixes = [] }) => {
  app.decorateRequest('callerId', null);
  app.decorateRequest('claims', null);
  app.decorateRequest('callerToken', null);

  const authenticationOf = async (request: FastifyRequest): Promise<{ claims: TokenClaims; token: string }> => {
    const inQuery = request.routeOptions.config.tokenInQuery === true;
    const token = bearerTokenOf(request.headers.authorization) ?? (inQuery ? queryTokenOf(request.query) : undefined);
    if (token !== undefined) return { claims: await tokenVerifier.verify(token), token };
    const ticket = inQuery ? queryTicketOf(request.query) : undefined;
    if (ticket !== undefined) {
      const { token: sessionToken, ...claims } = await userSessions.redeemWsTicket({ ticket });
      return { claims, token: sessionToken };
    }
    throw GatewayErrors.missingToken();
  };

  const authenticate: onRequestAsyncHookHandler = async (request) => {
    const { claims, token } = await authenticationOf(request);
    request.claims = claims;
    request.callerId = claims.userId;
    request.callerToken = token;
  };

  app.addHook('onRoute', (route) => {
    if (route.config?.public === true || publicPathPrefixes.some((prefix) => route.url.startsWith(prefix))) return;
    const existing = route.onRequest === undefined ? [] : [route.onRequest].flat();
    route.onRequest = [authenticate, ...existing];
    route.handler = onBehalfOfCaller(route.handler);
  });
});
