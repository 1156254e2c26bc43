import type { IResolverObject } from 'mercurius';
import { isDomainError } from '@chatterroom/kernel';
import type { ResolverContext } from '../graphql-context';
import { codedError } from '../graphql-errors';
import { idArgument } from '../resolvers/arguments';
import { messagePayloadOf, readPayloadOf, type MessageAddedPayload, type MessageChange } from './graphql-chat-feed';
import { replayThenLive, type ReplayablePayload } from './feed-replay';
import { roomEventPayloadOf, type RoomEventPayload } from './graphql-room-events';
import type { IntegrationEvent } from '@chatterroom/kernel';
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

/** A live feed from now on or, with `since`, replayed from that cursor first (`payloadOf` the replayed events). */
const fromCursor = <T extends ReplayablePayload>(
  userId: number,
  since: string | null | undefined,
  { caller, ports }: ResolverContext,
  follow: () => Promise<AsyncIterable<T>>,
  payloadOf: (event: IntegrationEvent) => T | undefined,
): Promise<AsyncIterable<T>> =>
  since === undefined || since === null ? follow() : replayThenLive({ chatFeed: ports.chatFeed, userId, token: caller.token }, since, follow, payloadOf);

/** The caller's message events: live from now on or, with `since`, replayed from that cursor first. */
const messagesOf = (userId: number, since: string | null | undefined, context: ResolverContext) =>
  fromCursor(userId, since, context, () => context.feed.follow(context.pubsub, userId), messagePayloadOf);

/** The caller's messages of one kind of change, from now on or from `since`. */
const changesOf = (change: MessageChange) => ({
  subscribe: subscribing(async (args: { since?: string | null }, context: ResolverContext) =>
    only(await messagesOf(await context.caller.id(), args.since, context), isChange(change)),
  ),
  resolve: messageOf,
});

export const subscriptionResolvers: IResolverObject<unknown, ResolverContext> = {
  messageAdded: changesOf('posted'),

  /** Room changes the caller is told about (the room.* pushes of /ws/chat); with `since`, those after that cursor first. */
  roomEvents: {
    subscribe: subscribing(async (args: { since?: string | null }, context) => {
      const userId = await context.caller.id();
      return fromCursor(userId, args.since, context, () => context.feed.followRoomEvents(context.pubsub, userId), roomEventPayloadOf);
    }),
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
  /** Read receipts: the caller's own markers (every device) and their private peers' ("seen"); with `since`, those after that cursor first. */
  readMarkerMoved: {
    subscribe: subscribing(async (args: { since?: string | null }, context) => {
      const userId = await context.caller.id();
      return fromCursor(userId, args.since, context, () => context.feed.followReads(context.pubsub, userId), readPayloadOf);
    }),
    resolve: readReceiptOf,
  },
};
