import type { FastifyPluginAsync } from 'fastify';
import { syncEvents } from '../api/sync.api';
import { callerIdOf } from '../http/auth.plugin';
import type { RouteGroupOptions } from './route-options';
import { syncSchemas } from './sync.schemas';

/** GET /sync?since=&limit=: the caller's chat events after a cursor. */
export const syncRoutes: FastifyPluginAsync<RouteGroupOptions> = async (app, { deps }) => {
  app.get('/sync', { schema: syncSchemas.get }, async (request) => syncEvents(deps, callerIdOf(request), request.query as { since?: string; limit?: string }));
};
