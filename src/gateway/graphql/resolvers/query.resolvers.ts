import type { IResolverObject } from 'mercurius';
import { getRoom, listRooms } from '../../api/rooms.api';
import { listSessions } from '../../api/sessions.api';
import { getUser, searchUsers } from '../../api/users.api';
import type { ResolverContext } from '../graphql-context';
import { historyPagingOf, idArgument, type PagingArguments } from './arguments';
import { conversationsQuery } from './conversation.resolvers';

/** Reads, each through the same api function (or port call) as its HTTP route. */
export const queryResolvers: IResolverObject<unknown, ResolverContext> = {
  me: async (_root, _args, { ports, caller }) => {
    const callerId = await caller.id();
    return getUser(ports, callerId, callerId);
  },

  user: async (_root, args: { id: number }, { ports, caller }) => getUser(ports, await caller.id(), idArgument(args.id, 'id')),

  rooms: async (_root, _args, { ports, caller }) => listRooms(ports, await caller.id()),

  room: async (_root, args: { id: number }, { ports, caller }) => getRoom(ports, await caller.id(), idArgument(args.id, 'id')),

  privateHistory: async (_root, args: { userId: number } & PagingArguments, { ports, caller }) =>
    ports.messaging.getPrivateHistory({
      fromUserId: await caller.id(),
      toUserId: idArgument(args.userId, 'userId'),
      ...historyPagingOf(args),
    }),

  sessions: async (_root, _args, { ports, caller }) => listSessions(ports, await caller.claims()),

  searchUsers: async (_root, args: { q: string; limit?: number | null }, { ports, caller }) => {
    await caller.id();
    return searchUsers(ports, { q: args.q, ...(typeof args.limit === 'number' ? { limit: args.limit } : {}) });
  },

  conversations: conversationsQuery,
};
