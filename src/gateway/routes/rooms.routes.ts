import type { FastifyPluginAsync } from 'fastify';
import { createRoom, getRoom, joinRoom, leaveRoom, listRooms } from '../api/rooms.api';
import { callerIdOf } from '../http/auth.plugin';
import { pathIdOf } from '../http/request-params';
import type { RouteGroupOptions } from './route-options';
import { roomsSchemas } from './rooms.schemas';

/** Rooms and membership. Join and leave take no body (an empty one or `{}` is fine). */
export const roomsRoutes: FastifyPluginAsync<RouteGroupOptions> = async (app, { deps }) => {
  app.post('/rooms/create', { schema: roomsSchemas.create }, async (request, reply) =>
    reply.code(201).send(await createRoom(deps, callerIdOf(request), request.body)),
  );

  app.post('/rooms/:roomId/join', { schema: roomsSchemas.join }, async (request) => joinRoom(deps, callerIdOf(request), pathIdOf(request.params, 'roomId')));

  app.post('/rooms/:roomId/leave', { schema: roomsSchemas.leave }, async (request) => leaveRoom(deps, callerIdOf(request), pathIdOf(request.params, 'roomId')));

  app.get('/rooms', { schema: roomsSchemas.list }, async (request) => listRooms(deps, callerIdOf(request)));

  app.get('/rooms/:roomId', { schema: roomsSchemas.get }, async (request) => getRoom(deps, callerIdOf(request), pathIdOf(request.params, 'roomId')));
};
