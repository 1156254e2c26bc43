import type { FastifyPluginAsync } from 'fastify';
import { getPrivateHistory, sendPrivateMessage } from '../api/private-chat.api';
import { callerIdOf } from '../http/auth.plugin';
import { historyPagingOf, pathIdOf } from '../http/request-params';
import { privateChatSchemas } from './private-chat.schemas';
import type { RouteGroupOptions } from './route-options';

/** Private messages between two users. */
export const privateChatRoutes: FastifyPluginAsync<RouteGroupOptions> = async (app, { deps }) => {
  app.post('/chats/private/:recipientId', { schema: privateChatSchemas.send }, async (request, reply) => {
    const recipientId = pathIdOf(request.params, 'recipientId');
    return reply.code(201).send(await sendPrivateMessage(deps, callerIdOf(request), recipientId, request.body));
  });

  app.get('/chats/private/:recipientId/history', { schema: privateChatSchemas.history }, async (request) => {
    const recipientId = pathIdOf(request.params, 'recipientId');
    return getPrivateHistory(deps, callerIdOf(request), recipientId, historyPagingOf(request.query));
  });
};
