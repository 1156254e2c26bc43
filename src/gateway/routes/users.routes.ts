import type { FastifyPluginAsync } from 'fastify';
import { presenceOf } from '../api/presence.api';
import { authenticateUser, createUser, getMe, getUser, searchUsers } from '../api/users.api';
import { callerIdOf } from '../http/auth.plugin';
import { pathIdOf } from '../http/request-params';
import type { GatewayLimits } from '../limits/gateway-limits';
import type { RouteGroupOptions } from './route-options';
import { clientDetailsOf } from './sessions.routes';
import { usersSchemas } from './users.schemas';

const usernameIn = (body: unknown): unknown => (typeof body === 'object' && body !== null ? (body as { username?: unknown }).username : undefined);

/** Registration, sign-in (both limited per client address, sign-in also per account), user lookup and people search. */
export const usersRoutes: FastifyPluginAsync<RouteGroupOptions & { limits: GatewayLimits }> = async (app, { deps, limits }) => {
  app.post('/users/create', { config: { public: true }, schema: usersSchemas.create }, async (request, reply) =>
    reply.code(201).send(await limits.accounts.signUp(request.ip, () => createUser(deps, request.body))),
  );

  app.post('/users/authenticate', { config: { public: true }, schema: usersSchemas.authenticate }, async (request) =>
    limits.accounts.signIn(request.ip, usernameIn(request.body), () => authenticateUser(deps, request.body, clientDetailsOf(request))),
  );

  app.get('/users/me', { schema: usersSchemas.me }, async (request) => getMe(deps, callerIdOf(request)));

  app.get('/users', { schema: usersSchemas.search }, async (request) => searchUsers(deps, request.query as Record<string, unknown>));

  app.get('/users/:userId', { schema: usersSchemas.get }, async (request) => {
    const userId = pathIdOf(request.params, 'userId');
    const user = await getUser(deps, callerIdOf(request), userId);
    const presence = await presenceOf(deps, userId, request.log);
    return presence === undefined ? user : { ...user, presence };
  });
};
