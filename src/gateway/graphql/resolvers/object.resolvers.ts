import type { IResolverObject } from 'mercurius';
import type { ChatMessage, RoomDetails, RoomSummary } from '@chatterroom/chat/contracts';
import type { UserSummary } from '@chatterroom/users/contracts';
import { getRoom } from '../../api/rooms.api';
import type { ResolverContext } from '../graphql-context';
import { historyPagingOf, type PagingArguments } from './arguments';
import { roomMemberPageResolver } from './room-administration.resolvers';

/** A user as resolvers hand it on: the email is there only when the caller may see it. */
type UserParent = UserSummary & { readonly email?: string };

/** A room as resolvers hand it on: the members (and the other details) are there when already fetched. */
type RoomParent = RoomSummary & Partial<Pick<RoomDetails, 'members' | 'visibility' | 'memberCount' | 'role'>>;

export const userResolvers: IResolverObject<UserParent, ResolverContext> = {
  /** Only the user themself sees it; a self looked up in a batch is fetched in full. */
  email: async (user, _args, { ports, caller }) => {
    if (user.email !== undefined) return user.email;
    if ((await caller.idIfKnown()) !== user.userId) return null;
    return (await ports.userDirectory.getUser({ userId: user.userId })).email;
  },
};

export const roomResolvers: IResolverObject<RoomParent, ResolverContext> = {
  members: async (room, _args, { ports, caller, users }) =>
    users.loadMany(room.members ?? (await getRoom(ports, await caller.id(), room.roomId)).members),

  messages: async (room, args: PagingArguments, { ports, caller }) =>
    ports.messaging.getRoomHistory({ userId: await caller.id(), roomId: room.roomId, ...historyPagingOf(args) }),

  visibility: async (room, _args, { ports, caller }) => room.visibility ?? (await getRoom(ports, await caller.id(), room.roomId)).visibility,

  memberCount: async (room, _args, { ports, caller }) => room.memberCount ?? (await getRoom(ports, await caller.id(), room.roomId)).memberCount,

  role: async (room, _args, { ports, caller }) => room.role ?? (await getRoom(ports, await caller.id(), room.roomId)).role,

  memberPage: roomMemberPageResolver,
};

export const messageResolvers: IResolverObject<ChatMessage, ResolverContext> = {
  /** Every author of a request comes from one `getUsers` call. */
  sender: (message, _args, { users }) => users.load(message.senderId),

  /** The sender's idempotency key, for the sender's eyes only. */
  clientMessageId: async (message, _args, { caller }) =>
    message.clientMessageId !== undefined && (await caller.idIfKnown()) === message.senderId ? message.clientMessageId : null,

  deleted: (message) => message.deleted === true,
};
