import { validationFailed } from '@chatterroom/kernel';
import { optionalWireInt32, optionalWireString, presentField, wireInput, wireInt32, wireString } from '@chatterroom/platform/grpc';
import type {
  CreateRoomInput,
  ListPublicRoomsInput,
  ListRoomMembersInput,
  PublicRoomPage,
  RoomActionInput,
  RoomInfo,
  RoomMember,
  RoomMemberChangeInput,
  RoomMemberPage,
  RoomRole,
  RoomVisibility,
  SetRoomRoleInput,
  UpdateRoomInput,
} from '../../contracts';
import type {
  CreateRoomRequestMessage,
  ListPublicRoomsRequestMessage,
  ListPublicRoomsResponseMessage,
  ListRoomMembersRequestMessage,
  ListRoomMembersResponseMessage,
  RoomActionRequestMessage,
  RoomInfoMessage,
  RoomMemberChangeRequestMessage,
  RoomMemberResponseMessage,
  SetRoomRoleRequestMessage,
  UpdateRoomRequestMessage,
} from './chat.grpc-messages';

/*
 * Running rooms (issue 10): port inputs and results <-> proto/chat.proto messages. Strings
 * the service checks (visibility, role) travel as given; absent optional fields stay absent.
 */

const userAndRoom = (fields: { userId?: unknown; roomId?: unknown }) => ({
  userId: wireInt32(fields.userId, 'userId'),
  roomId: wireInt32(fields.roomId, 'roomId'),
});

export const createRoomRequestOf = (input: CreateRoomInput): CreateRoomRequestMessage => {
  const fields = wireInput(input);
  const members = fields.members ?? [];
  if (!Array.isArray(members)) throw validationFailed('members must be an array of userIds');
  return {
    userId: wireInt32(fields.userId, 'userId'),
    roomName: wireString(fields.roomName, 'roomName'),
    ...presentField('visibility', optionalWireString(fields.visibility, 'visibility', 'visibility must be "public" or "private"')),
    members: members.map((id, index) => wireInt32(id, `members[${index}]`)),
  };
};

export const memberChangeRequestOf = (input: RoomMemberChangeInput): RoomMemberChangeRequestMessage => {
  const fields = wireInput(input);
  return { ...userAndRoom(fields), memberId: wireInt32(fields.memberId, 'memberId') };
};

export const setRoleRequestOf = (input: SetRoomRoleInput): SetRoomRoleRequestMessage => ({
  ...memberChangeRequestOf(input),
  role: wireString(input.role, 'role', 'role must be "owner", "admin" or "member"'),
});

export const updateRoomRequestOf = (input: UpdateRoomInput): UpdateRoomRequestMessage => {
  const fields = wireInput(input);
  return {
    ...userAndRoom(fields),
    ...presentField('name', optionalWireString(fields.name, 'name')),
    ...presentField('visibility', optionalWireString(fields.visibility, 'visibility', 'visibility must be "public" or "private"')),
  };
};

export const roomActionRequestOf = (input: RoomActionInput): RoomActionRequestMessage => userAndRoom(wireInput(input));

const pageOf = (fields: { after?: unknown; limit?: unknown }) => ({
  ...presentField('after', optionalWireInt32(fields.after, 'after')),
  ...presentField('limit', optionalWireInt32(fields.limit, 'limit', 'limit must be an integer')),
});

export const listMembersRequestOf = (input: ListRoomMembersInput): ListRoomMembersRequestMessage => {
  const fields = wireInput(input);
  return { ...userAndRoom(fields), ...pageOf(fields) };
};

export const listPublicRoomsRequestOf = (input: ListPublicRoomsInput): ListPublicRoomsRequestMessage => {
  const fields = wireInput(input);
  return {
    userId: wireInt32(fields.userId, 'userId'),
    ...presentField('query', optionalWireString(fields.query, 'query', 'q must be a string')),
    ...pageOf(fields),
  };
};

export const roomMemberMessageOf = (member: RoomMember): RoomMemberResponseMessage => ({ ...member });

export const roomMemberOf = (message: RoomMemberResponseMessage): RoomMember => ({
  roomId: message.roomId,
  userId: message.userId,
  role: message.role as RoomRole,
  joinedAt: message.joinedAt,
  ...presentField('readSeq', message.readSeq),
});

export const roomInfoOf = (message: RoomInfoMessage): RoomInfo => ({
  roomId: message.roomId,
  name: message.name,
  visibility: message.visibility as RoomVisibility,
});

export const memberPageMessageOf = (page: RoomMemberPage): ListRoomMembersResponseMessage => ({
  members: page.members.map(roomMemberMessageOf),
  ...presentField('nextAfter', page.nextAfter),
});

export const memberPageOf = (message: ListRoomMembersResponseMessage): RoomMemberPage => ({
  members: message.members.map(roomMemberOf),
  ...presentField('nextAfter', message.nextAfter),
});

export const publicRoomsMessageOf = (page: PublicRoomPage): ListPublicRoomsResponseMessage => ({
  rooms: page.rooms.map((room) => ({ ...room })),
  ...presentField('nextAfter', page.nextAfter),
});

export const publicRoomsOf = (message: ListPublicRoomsResponseMessage): PublicRoomPage => ({
  rooms: message.rooms.map((room) => ({ ...roomInfoOf(room), memberCount: room.memberCount })),
  ...presentField('nextAfter', message.nextAfter),
});
