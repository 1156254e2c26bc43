import type { IResolverObject } from 'mercurius';
import type { ConversationEntry } from '@chatterroom/chat/contracts';
import type { ResolverContext } from '../graphql-context';
import type { ReadFrame } from '../../ws/read-push';
import { idArgument } from './arguments';

const isGiven = <T>(value: T | null | undefined): value is T => value !== undefined && value !== null;

/** `conversations(limit, before)`: the Conversations port's page, as HTTP's GET /conversations. */
export const conversationsQuery = async (
  _root: unknown,
  args: { limit?: number | null; before?: string | null },
  { ports, caller }: ResolverContext,
) =>
  ports.conversations.listConversations({
    userId: await caller.id(),
    ...(isGiven(args.limit) ? { limit: args.limit } : {}),
    ...(isGiven(args.before) ? { before: args.before } : {}),
  });

/** `markRead(peerId | roomId, seq)`: as POST /chats/private/{userId}/read and /chats/room/{roomId}/read. */
export const markReadMutation = async (
  _root: unknown,
  args: { peerId?: number | null; roomId?: number | null; seq: number },
  { ports, caller }: ResolverContext,
) =>
  ports.conversations.markRead({
    userId: await caller.id(),
    ...(isGiven(args.peerId) ? { peerId: idArgument(args.peerId, 'peerId') } : {}),
    ...(isGiven(args.roomId) ? { roomId: idArgument(args.roomId, 'roomId') } : {}),
    seq: args.seq,
  });

export const conversationResolvers: IResolverObject<ConversationEntry, ResolverContext> = {
  /** Peers of one request come from one `getUsers` call. */
  peer: (entry, _args, { users }) => (entry.peerId === undefined ? null : users.load(entry.peerId)),
};

/** The receipt of a `read` push, as the subscription hands it on. */
export const readReceiptOf = (payload: unknown): Omit<ReadFrame, 'type'> => {
  const { type: _type, ...receipt } = payload as ReadFrame;
  return receipt;
};
