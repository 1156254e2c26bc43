import type { IResolverObject } from 'mercurius';
import type { ChatMessage, RoomSummary } from '../../../../modules/chat/contracts';
import type { UserSummary } from '../../../../modules/users/contracts';
import { getRoom } from '../../api/rooms.api';
import type { ResolverContext } from '../graphql-context';
import { historyPagingOf, type PagingArguments } from './arguments';

/** A user as resolvers hand it on: the email is there only when the caller may see it. */
type UserParent = UserSummary & { readonly email?: string };

/** A room as resolvers hand it on: the members are there when already fetched. */
type RoomParent = RoomSummary & { readonly members?: readonly number[] };

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
};

export const messageResolvers: IResolverObject<ChatMessage, ResolverContext> = {
  /** Every author of a request comes from one `getUsers` call. */
  sender: (message, _args, { users }) => users.load(message.senderId),

  /** The sender's idempotency key, for the sender's eyes only. */
  clientMessageId: async (message, _args, { caller }) =>
    message.clientMessageId !== undefined && (await caller.idIfKnown()) === message.senderId ? message.clientMessageId : null,

  deleted: (message) => message.deleted === true,
};
