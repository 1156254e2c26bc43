import type { FastifyRequest, onRequestAsyncHookHandler, RouteHandlerMethod } from 'fastify';
import { CallerCredential } from '../../../modules/kernel';
import type { TokenVerifier } from '../../../modules/users/contracts';
import { bearerTokenOf, queryTokenOf } from './bearer-token';
import { GatewayErrors } from './gateway-errors';
import { sharedPlugin } from './shared-plugin';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The route needs no access token. */
    public?: boolean;
    /** The token may also come as `?token=` (browsers cannot set headers on a WebSocket). */
    tokenInQuery?: boolean;
  }
  interface FastifyRequest {
    /** The authenticated caller; null on public routes. */
    callerId: number | null;
    /** The access token that authenticated the caller; null on public routes. */
    callerToken: string | null;
  }
}

/** The caller of an authenticated route. */
export const callerIdOf = (request: FastifyRequest): number => {
  if (request.callerId === null) throw new Error(`No authenticated caller on ${request.method} ${request.routeOptions.url}`);
  return request.callerId;
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
  /** Routes under these paths are public too (pages a plugin serves, such as GraphiQL). */
  publicPathPrefixes?: readonly string[];
}>('gateway-auth', async (app, { tokenVerifier, publicPathPrefixes = [] }) => {
  app.decorateRequest('callerId', null);
  app.decorateRequest('callerToken', null);

  const authenticate: onRequestAsyncHookHandler = async (request) => {
    const token =
      bearerTokenOf(request.headers.authorization) ??
      (request.routeOptions.config.tokenInQuery === true ? queryTokenOf(request.query) : undefined);
    if (token === undefined) throw GatewayErrors.missingToken();
    request.callerId = (await tokenVerifier.verify(token)).userId;
    request.callerToken = token;
  };

  app.addHook('onRoute', (route) => {
    if (route.config?.public === true || publicPathPrefixes.some((prefix) => route.url.startsWith(prefix))) return;
    const existing = route.onRequest === undefined ? [] : [route.onRequest].flat();
    route.onRequest = [authenticate, ...existing];
    route.handler = onBehalfOfCaller(route.handler);
  });
});
