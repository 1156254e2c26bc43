import type { FastifyPluginAsync } from 'fastify';
import { createRoom, getRoom, joinRoom, leaveRoom, listRooms } from '../api/rooms.api';
import { callerIdOf } from '../http/auth.plugin';
import { pathIdOf } from '../http/request-params';
import type { RouteGroupOptions } from './route-options';

/** Rooms and membership. Join and leave take no body (an empty one or `{}` is fine). */
export const roomsRoutes: FastifyPluginAsync<RouteGroupOptions> = async (app, { deps }) => {
  app.post('/rooms/create', async (request, reply) =>
    reply.code(201).send(await createRoom(deps, callerIdOf(request), request.body)),
  );

  app.post('/rooms/:roomId/join', async (request) => joinRoom(deps, callerIdOf(request), pathIdOf(request.params, 'roomId')));

  app.post('/rooms/:roomId/leave', async (request) => leaveRoom(deps, callerIdOf(request), pathIdOf(request.params, 'roomId')));

  app.get('/rooms', async (request) => listRooms(deps, callerIdOf(request)));

  app.get('/rooms/:roomId', async (request) => getRoom(deps, callerIdOf(request), pathIdOf(request.params, 'roomId')));
};
