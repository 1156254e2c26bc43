import type { FastifyPluginAsync } from 'fastify';
import { PUBLIC_ROOMS_MAX_LIMIT, ROOM_MEMBERS_MAX_LIMIT } from '@chatterroom/chat/contracts';
import { addRoomMember, deleteRoom, listPublicRooms, listRoomMembers, removeRoomMember, setRoomRole, updateRoom } from '../api/room-administration.api';
import { callerIdOf } from '../http/auth.plugin';
import { listingPagingOf } from '../http/listing-query';
import { pathIdOf } from '../http/request-params';
import { roomAdministrationSchemas as schemas } from './room-administration.schemas';
import type { RouteGroupOptions } from './route-options';

/** Running rooms (issue 10): members and their roles, renaming, deleting, and the public directory. */
export const roomAdministrationRoutes: FastifyPluginAsync<RouteGroupOptions> = async (app, { deps }) => {
  const roomIdOf = (params: unknown) => pathIdOf(params, 'roomId');
  const memberIdOf = (params: unknown) => pathIdOf(params, 'userId');

  app.get('/rooms/public', { schema: schemas.publicRooms }, async (request) => {
    const { q } = request.query as { q?: string };
    return listPublicRooms(deps, callerIdOf(request), q, listingPagingOf(request.query, PUBLIC_ROOMS_MAX_LIMIT));
  });

  app.get('/rooms/:roomId/members', { schema: schemas.members }, async (request) =>
    listRoomMembers(deps, callerIdOf(request), roomIdOf(request.params), listingPagingOf(request.query, ROOM_MEMBERS_MAX_LIMIT)),
  );

  app.post('/rooms/:roomId/members', { schema: schemas.addMember }, async (request, reply) =>
    reply.code(201).send(await addRoomMember(deps, callerIdOf(request), roomIdOf(request.params), request.body)),
  );

  app.delete('/rooms/:roomId/members/:userId', { schema: schemas.removeMember }, async (request) =>
    removeRoomMember(deps, callerIdOf(request), roomIdOf(request.params), memberIdOf(request.params)),
  );

  app.put('/rooms/:roomId/members/:userId/role', { schema: schemas.setRole }, async (request) =>
    setRoomRole(deps, callerIdOf(request), roomIdOf(request.params), memberIdOf(request.params), request.body),
  );

  app.patch('/rooms/:roomId', { schema: schemas.update }, async (request) =>
    updateRoom(deps, callerIdOf(request), roomIdOf(request.params), request.body),
  );

  app.delete('/rooms/:roomId', { schema: schemas.delete }, async (request) => deleteRoom(deps, callerIdOf(request), roomIdOf(request.params)));
};
