import { presentField } from '@chatterroom/platform/grpc';
import type { RoomAdministration, RoomRole, RoomVisibility } from '../../contracts';
import type {
  DeleteRoomResponseMessage,
  ListPublicRoomsRequestMessage,
  ListPublicRoomsResponseMessage,
  ListRoomMembersRequestMessage,
  ListRoomMembersResponseMessage,
  RemoveRoomMemberResponseMessage,
  RoomActionRequestMessage,
  RoomInfoMessage,
  RoomMemberChangeRequestMessage,
  RoomMemberResponseMessage,
  SetRoomRoleRequestMessage,
  UpdateRoomRequestMessage,
} from './chat.grpc-messages';
import { memberPageMessageOf, publicRoomsMessageOf, roomMemberMessageOf } from './room-administration.grpc-mapping';

/**
 * The running-rooms RPCs of ChatService (issue 10), each one {@link RoomAdministration} call.
 * Wire strings (visibility, role) go to the port as sent (typed as what they should be), and the
 * port refuses what it does not know with VALIDATION_FAILED.
 */
export const roomAdministrationHandlers = (administration: RoomAdministration) => ({
  AddRoomMember: async ({ userId, roomId, memberId }: RoomMemberChangeRequestMessage): Promise<RoomMemberResponseMessage> =>
    roomMemberMessageOf(await administration.addMember({ userId, roomId, memberId })),
  RemoveRoomMember: async ({ userId, roomId, memberId }: RoomMemberChangeRequestMessage): Promise<RemoveRoomMemberResponseMessage> => ({
    ...(await administration.removeMember({ userId, roomId, memberId })),
  }),
  SetRoomRole: async ({ userId, roomId, memberId, role }: SetRoomRoleRequestMessage): Promise<RoomMemberResponseMessage> =>
    roomMemberMessageOf(await administration.setRole({ userId, roomId, memberId, role: role as RoomRole })),
  UpdateRoom: async (request: UpdateRoomRequestMessage): Promise<RoomInfoMessage> => ({
    ...(await administration.updateRoom({
      userId: request.userId,
      roomId: request.roomId,
      ...presentField('name', request.name),
      ...presentField('visibility', request.visibility as RoomVisibility | undefined),
    })),
  }),
  DeleteRoom: async ({ userId, roomId }: RoomActionRequestMessage): Promise<DeleteRoomResponseMessage> => ({
    ...(await administration.deleteRoom({ userId, roomId })),
  }),
  ListRoomMembers: async (request: ListRoomMembersRequestMessage): Promise<ListRoomMembersResponseMessage> =>
    memberPageMessageOf(
      await administration.listMembers({
        userId: request.userId,
        roomId: request.roomId,
        ...presentField('after', request.after),
        ...presentField('limit', request.limit),
      }),
    ),
  ListPublicRooms: async (request: ListPublicRoomsRequestMessage): Promise<ListPublicRoomsResponseMessage> =>
    publicRoomsMessageOf(
      await administration.listPublicRooms({
        userId: request.userId,
        ...presentField('query', request.query),
        ...presentField('after', request.after),
        ...presentField('limit', request.limit),
      }),
    ),
});
