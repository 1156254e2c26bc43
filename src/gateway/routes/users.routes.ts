import type { FastifyPluginAsync } from 'fastify';
import { authenticateUser, createUser, getUser } from '../api/users.api';
import { callerIdOf } from '../http/auth.plugin';
import { pathIdOf } from '../http/request-params';
import type { RouteGroupOptions } from './route-options';
import { clientDetailsOf } from './sessions.routes';
import { usersSchemas } from './users.schemas';

/** Registration, sign-in and user lookup. */
export const usersRoutes: FastifyPluginAsync<RouteGroupOptions> = async (app, { deps }) => {
  app.post('/users/create', { config: { public: true }, schema: usersSchemas.create }, async (request, reply) =>
    reply.code(201).send(await createUser(deps, request.body)),
  );

  app.post('/users/authenticate', { config: { public: true }, schema: usersSchemas.authenticate }, async (request) =>
    authenticateUser(deps, request.body, clientDetailsOf(request)),
  );

  app.get('/users/:userId', { schema: usersSchemas.get }, async (request) => getUser(deps, callerIdOf(request), pathIdOf(request.params, 'userId')));
};
