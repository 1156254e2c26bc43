import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import { issueWsTicket, listSessions, logout, refreshSession, revokeSession } from '../api/sessions.api';
import type { ClientDetails } from '../api/users.api';
import { claimsOf } from '../http/auth.plugin';
import type { RouteGroupOptions } from './route-options';
import { sessionsSchemas } from './sessions.schemas';

/** The user agent and address a session is listed with. */
export const clientDetailsOf = (request: FastifyRequest): ClientDetails => {
  const userAgent = request.headers['user-agent'];
  return { ...(typeof userAgent === 'string' && userAgent !== '' ? { userAgent } : {}), ip: request.ip };
};

/** Refresh, logout, the caller's sessions, WebSocket tickets and the public signing keys. */
export const sessionsRoutes: FastifyPluginAsync<RouteGroupOptions> = async (app, { deps }) => {
  app.post('/users/refresh', { config: { public: true }, schema: sessionsSchemas.refresh }, async (request) =>
    refreshSession(deps, request.body, clientDetailsOf(request)),
  );

  app.post('/users/logout', { schema: sessionsSchemas.logout }, async (request) => logout(deps, claimsOf(request)));

  app.get('/users/me/sessions', { schema: sessionsSchemas.list }, async (request) => listSessions(deps, claimsOf(request)));

  app.delete<{ Params: { sessionId: string } }>('/users/me/sessions/:sessionId', { schema: sessionsSchemas.revoke }, async (request) =>
    revokeSession(deps, claimsOf(request), request.params.sessionId),
  );

  app.post('/ws/ticket', { schema: sessionsSchemas.wsTicket }, async (request) => issueWsTicket(deps, claimsOf(request)));

  app.get('/.well-known/jwks.json', { config: { public: true }, schema: sessionsSchemas.jwks }, async (_request, reply) =>
    reply.header('cache-control', 'public, max-age=60').send(await deps.jwksProvider.getJwks()),
  );
};
