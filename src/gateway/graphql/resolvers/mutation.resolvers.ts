import type { IResolverObject } from 'mercurius';
import { createRoom, joinRoom, leaveRoom } from '../../api/rooms.api';
import { logout, refreshSession, revokeSession } from '../../api/sessions.api';
import { authenticateUser, createUser } from '../../api/users.api';
import type { ResolverContext } from '../graphql-context';
import { sendDeadline } from '../../api/send-deadline';
import { clientMessageIdOf, idArgument } from './arguments';
import { renewSocketToken } from '../subscriptions/socket-token-renewal';
import { markReadMutation } from './conversation.resolvers';

interface SendArguments {
  readonly message: string;
  readonly clientMessageId?: string | null;
}

/** Writes, each through the same api function (or port call) as its HTTP route. */
export const mutationResolvers: IResolverObject<unknown, ResolverContext> = {
  createUser: async (_root, args: { username: string; email: string; password: string }, { ports, limits, clientIp }) =>
    limits.accounts.signUp(clientIp, () => createUser(ports, { ...args })),

  authenticate: async (_root, args: { username: string; password: string }, { ports, limits, clientIp }) =>
    limits.accounts.signIn(clientIp, args.username, () => authenticateUser(ports, { ...args })),

  sendPrivateMessage: async (_root, args: SendArguments & { recipientId: number }, { ports, caller }) =>
    ports.messaging.sendPrivateMessage({
      fromUserId: await caller.id(),
      toUserId: idArgument(args.recipientId, 'recipientId'),
      message: args.message,
      ...clientMessageIdOf(args),
      ...sendDeadline(),
    }),

  sendRoomMessage: async (_root, args: SendArguments & { roomId: number }, { ports, caller }) =>
    ports.messaging.sendRoomMessage({
      userId: await caller.id(),
      roomId: idArgument(args.roomId, 'roomId'),
      message: args.message,
      ...clientMessageIdOf(args),
      ...sendDeadline(),
    }),

  createRoom: async (_root, args: { name: string; visibility?: string | null; members?: number[] | null }, { ports, caller }) =>
    createRoom(ports, await caller.id(), { name: args.name, visibility: args.visibility, members: args.members }),

  joinRoom: async (_root, args: { roomId: number }, { ports, caller }) => joinRoom(ports, await caller.id(), idArgument(args.roomId, 'roomId')),

  leaveRoom: async (_root, args: { roomId: number }, { ports, caller }) => leaveRoom(ports, await caller.id(), idArgument(args.roomId, 'roomId')),

  refreshSession: async (_root, args: { refreshToken: string }, { ports }) => refreshSession(ports, { refreshToken: args.refreshToken }),

  logout: async (_root, _args, { ports, caller }) => (await logout(ports, await caller.claims())).loggedOut,

  revokeSession: async (_root, args: { sessionId: string }, { ports, caller }) => revokeSession(ports, await caller.claims(), args.sessionId),

  editMessage: async (_root, args: { messageId: string; message: string }, { ports, caller }) =>
    ports.messageEditing.editMessage({ userId: await caller.id(), messageId: args.messageId, message: args.message }),

  deleteMessage: async (_root, args: { messageId: string }, { ports, caller }) =>
    ports.messageEditing.deleteMessage({ userId: await caller.id(), messageId: args.messageId }),

  renewSocketToken: async (_root, args: { token: string }, context) => renewSocketToken(context, args.token),
  markRead: markReadMutation,
};
