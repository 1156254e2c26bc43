import type { FastifyPluginAsync } from 'fastify';
import { getRoomHistory, sendRoomMessage } from '../api/room-chat.api';
import { callerIdOf } from '../http/auth.plugin';
import { historyPagingOf, pathIdOf } from '../http/request-params';
import { roomChatSchemas } from './room-chat.schemas';
import type { RouteGroupOptions } from './route-options';

/** Messages in rooms, for their members. */
export const roomChatRoutes: FastifyPluginAsync<RouteGroupOptions> = async (app, { deps }) => {
  app.post('/chats/room/:roomId', { schema: roomChatSchemas.send }, async (request, reply) => {
    const roomId = pathIdOf(request.params, 'roomId');
    return reply.code(201).send(await sendRoomMessage(deps, callerIdOf(request), roomId, request.body));
  });

  app.get('/chats/room/:roomId/history', { schema: roomChatSchemas.history }, async (request) => {
    const roomId = pathIdOf(request.params, 'roomId');
    return getRoomHistory(deps, callerIdOf(request), roomId, historyPagingOf(request.query));
  });
};
