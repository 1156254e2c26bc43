import type { IResolverObject } from 'mercurius';
import { isDomainError } from '../../../../modules/kernel';
import type { ResolverContext } from '../graphql-context';
import { codedError } from '../graphql-errors';
import { idArgument } from '../resolvers/arguments';
import type { MessageAddedPayload, MessageChange } from './graphql-chat-feed';
import { replayThenLive } from './feed-replay';
import type { RoomEventPayload } from './graphql-room-events';
import { readReceiptOf } from '../resolvers/conversation.resolvers';

type SetUp<Args> = (args: Args, context: ResolverContext) => Promise<AsyncIterable<unknown>>;

/** Errors while subscribing reach the client with their code (no error formatter runs there). */
const subscribing =
  <Args>(setUp: SetUp<Args>) =>
  async (_root: unknown, args: Args, context: ResolverContext): Promise<AsyncIterable<unknown>> => {
    try {
      return await setUp(args, context);
    } catch (error) {
      if (!isDomainError(error) || error.kind === 'internal') context.log.error({ err: error }, 'GraphQL subscription failed unexpectedly');
      throw codedError(error);
    }
  };

async function* only<T>(feed: AsyncIterable<T>, keep: (item: T) => boolean): AsyncGenerator<T> {
  for await (const item of feed) if (keep(item)) yield item;
}

const messageOf = (payload: unknown) => (payload as MessageAddedPayload).message;

const isChange = (change: MessageChange) => (payload: MessageAddedPayload) => payload.change === change;

/** The caller's message events: live from now on or, with `since`, replayed from that cursor first. */
const messagesOf = async (userId: number, since: string | null | undefined, { caller, feed, ports, pubsub }: ResolverContext) =>
  since === undefined || since === null
    ? feed.follow(pubsub, userId)
    : replayThenLive({ chatFeed: ports.chatFeed, userId, token: caller.token }, since, () => feed.follow(pubsub, userId));

/** The caller's messages of one kind of change, from now on or from `since`. */
const changesOf = (change: MessageChange) => ({
  subscribe: subscribing(async (args: { since?: string | null }, context: ResolverContext) =>
    only(await messagesOf(await context.caller.id(), args.since, context), isChange(change)),
  ),
  resolve: messageOf,
});

export const subscriptionResolvers: IResolverObject<unknown, ResolverContext> = {
  messageAdded: changesOf('posted'),

  /** Room changes the caller is told about (the room.* pushes of /ws/chat). */
  roomEvents: {
    subscribe: subscribing(async (_args, { caller, feed, pubsub }) => feed.followRoomEvents(pubsub, await caller.id())),
    resolve: (payload: unknown) => (payload as RoomEventPayload).event,
  },

  /** Members only, checked when subscribing (CHAT_NOT_A_ROOM_MEMBER); leaving stops delivery. */
  roomMessageAdded: {
    subscribe: subscribing(async (args: { roomId: number; since?: string | null }, context) => {
      const userId = await context.caller.id();
      const roomId = idArgument(args.roomId, 'roomId');
      await context.ports.roomRegistry.getRoom({ userId, roomId });
      return only(await messagesOf(userId, args.since, context), (payload) => payload.change === 'posted' && payload.message.roomId === roomId);
    }),
    resolve: messageOf,
  },

  messageEdited: changesOf('edited'),

  messageDeleted: changesOf('deleted'),
  /** Read receipts: the caller's own markers (every device) and their private peers' ("seen"). */
  readMarkerMoved: {
    subscribe: subscribing(async (_args, { caller, feed, pubsub }) => feed.followReads(pubsub, await caller.id())),
    resolve: readReceiptOf,
  },
};
