import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import { issueWsTicket, listSessions, logout, refreshSession, revokeSession } from '../api/sessions.api';
import type { ClientDetails } from '../api/users.api';
import { claimsOf } from '../http/auth.plugin';
import type { RouteGroupOptions } from './route-options';
import { jwksSchema, listSessionsSchema, logoutSchema, refreshSchema, revokeSessionSchema, wsTicketSchema } from './session.schemas';

/** The user agent and address a session is listed with. */
export const clientDetailsOf = (request: FastifyRequest): ClientDetails => {
  const userAgent = request.headers['user-agent'];
  return { ...(typeof userAgent === 'string' && userAgent !== '' ? { userAgent } : {}), ip: request.ip };
};

/** Refresh, logout, the caller's sessions, WebSocket tickets and the public signing keys. */
export const sessionsRoutes: FastifyPluginAsync<RouteGroupOptions> = async (app, { deps }) => {
  app.post('/users/refresh', { config: { public: true }, schema: refreshSchema }, async (request) =>
    refreshSession(deps, request.body, clientDetailsOf(request)),
  );

  app.post('/users/logout', { schema: logoutSchema }, async (request) => logout(deps, claimsOf(request)));

  app.get('/users/me/sessions', { schema: listSessionsSchema }, async (request) => listSessions(deps, claimsOf(request)));

  app.delete<{ Params: { sessionId: string } }>('/users/me/sessions/:sessionId', { schema: revokeSessionSchema }, async (request) =>
    revokeSession(deps, claimsOf(request), request.params.sessionId),
  );

  app.post('/ws/ticket', { schema: wsTicketSchema }, async (request) => issueWsTicket(deps, claimsOf(request)));

  app.get('/.well-known/jwks.json', { config: { public: true }, schema: jwksSchema }, async (_request, reply) =>
    reply.header('cache-control', 'public, max-age=60').send(await deps.jwksProvider.getJwks()),
  );
};
