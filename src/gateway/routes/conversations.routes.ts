import type { FastifyPluginAsync } from 'fastify';
import { conversationPagingOf, listConversations, markRead } from '../api/conversations.api';
import { callerIdOf } from '../http/auth.plugin';
import { pathIdOf } from '../http/request-params';
import { conversationsSchemas } from './conversations.schemas';
import type { RouteGroupOptions } from './route-options';

/** The caller's conversation list and read markers. */
export const conversationsRoutes: FastifyPluginAsync<RouteGroupOptions> = async (app, { deps }) => {
  app.get('/conversations', { schema: conversationsSchemas.list }, async (request) =>
    listConversations(deps, callerIdOf(request), conversationPagingOf(request.query as Record<string, unknown>)),
  );

  app.post('/chats/private/:userId/read', { schema: conversationsSchemas.readPrivate }, async (request) =>
    markRead(deps, callerIdOf(request), { peerId: pathIdOf(request.params, 'userId') }, request.body),
  );

  app.post('/chats/room/:roomId/read', { schema: conversationsSchemas.readRoom }, async (request) =>
    markRead(deps, callerIdOf(request), { roomId: pathIdOf(request.params, 'roomId') }, request.body),
  );
};
