import type { PubSub } from 'mercurius';
import { MESSAGE_DELETED_V1, MESSAGE_EDITED_V1, MESSAGE_POSTED_V1, READ_MARKER_MOVED_V1, type ChatMessage } from '@chatterroom/chat/contracts';
import type { IntegrationEvent } from '@chatterroom/kernel';
import { audienceOf } from '../../ws/event-pushes';
import { relayRoomEvent, roomEventsTopicOf, type RoomEventPayload } from './graphql-room-events';
import { readFrameOf, type ReadFrame } from '../../ws/read-push';

/** What happened to a message. */
export type MessageChange = 'posted' | 'edited' | 'deleted';

/** What a message topic carries. */
export interface MessageAddedPayload {
  readonly message: ChatMessage;
  readonly change: MessageChange;
  /** The chat event's id: a subscription resuming from a cursor drops live payloads it replayed. */
  readonly eventId: string;
}

const CHANGES: ReadonlyMap<string, MessageChange> = new Map([
  [MESSAGE_POSTED_V1, 'posted'],
  [MESSAGE_EDITED_V1, 'edited'],
  [MESSAGE_DELETED_V1, 'deleted'],
]);

/** The topic of the messages one user may see, on this gateway's in-process pubsub. */
export const messagesTopicOf = (userId: number): string => `chat-messages/${userId}`;

/** The topic of the read receipts one user gets (their own markers, and their private peers'). */
export const readsTopicOf = (userId: number): string => `chat-reads/${userId}`;

/** What a reads topic carries: the /ws/chat `read` push, and the chat event's id. */
export type ReadPayload = ReadFrame & { readonly eventId: string };

/** The read receipt of a read-marker event; undefined for any other event, or a malformed one. */
export const readPayloadOf = (event: IntegrationEvent): ReadPayload | undefined => {
  if (event.type !== READ_MARKER_MOVED_V1) return undefined;
  const frame = readFrameOf(event.payload as Parameters<typeof readFrameOf>[0]);
  return frame === undefined ? undefined : { ...frame, eventId: event.id };
};

const isMessage = (value: unknown): value is ChatMessage =>
  typeof value === 'object' && value !== null && typeof (value as ChatMessage).messageId === 'string';

/** The message payload of a posted, edited or deleted message's event; undefined for any other event. */
export const messagePayloadOf = (event: IntegrationEvent): MessageAddedPayload | undefined => {
  const change = CHANGES.get(event.type);
  const message = (event.payload as { message?: unknown } | null)?.message;
  return change === undefined || !isMessage(message) ? undefined : { message, change, eventId: event.id };
};

/**
 * Feeds GraphQL subscriptions from the chat events this gateway already receives for its
 * WebSockets (every gateway gets every event): each posted, edited or deleted message is published, in
 * process, on the topic of every user of its `audience` who has a subscription open here,
 * and on no one else's. So a user who left a room before a message was sent never gets it.
 */
export class GraphqlChatFeed {
  private pubsub: PubSub | undefined;
  /** Open subscriptions per user on this gateway: only their topics are published to. */
  private readonly following = new Map<number, number>();
  /** Open roomEvents subscriptions per user on this gateway. */
  private readonly followingRoomEvents = new Map<number, number>();

  /** Starts publishing to mercurius's pubsub (once the GraphQL plugin is loaded). */
  connect(pubsub: PubSub): void {
    this.pubsub = pubsub;
  }

  disconnect(): void {
    this.pubsub = undefined;
  }

  /** The messages `userId` may see, from now until the subscription ends. */
  async follow(pubsub: PubSub, userId: number): Promise<AsyncIterable<MessageAddedPayload>> {
    return this.followTopic<MessageAddedPayload>(pubsub, userId, messagesTopicOf(userId));
  }

  /** The read receipts `userId` gets (as the `read` push of /ws/chat), from now until the subscription ends. */
  async followReads(pubsub: PubSub, userId: number): Promise<AsyncIterable<ReadPayload>> {
    return this.followTopic<ReadPayload>(pubsub, userId, readsTopicOf(userId));
  }

  private async followTopic<T>(pubsub: PubSub, userId: number, topic: string): Promise<AsyncIterable<T>> {
    const feed = (await pubsub.subscribe(topic)) as AsyncIterable<T>;
    this.following.set(userId, (this.following.get(userId) ?? 0) + 1);
    return this.untilEnded(feed, userId);
  }

  private async *untilEnded<T>(feed: AsyncIterable<T>, userId: number, following = this.following): AsyncGenerator<T> {
    try {
      yield* feed;
    } finally {
      const left = (following.get(userId) ?? 1) - 1;
      if (left > 0) following.set(userId, left);
      else following.delete(userId);
    }
  }

  /** The changes to `userId`'s rooms (the room.* pushes of /ws/chat), from now until the subscription ends. */
  async followRoomEvents(pubsub: PubSub, userId: number): Promise<AsyncIterable<RoomEventPayload>> {
    const feed = (await pubsub.subscribe(roomEventsTopicOf(userId))) as AsyncIterable<RoomEventPayload>;
    this.followingRoomEvents.set(userId, (this.followingRoomEvents.get(userId) ?? 0) + 1);
    return this.untilEnded(feed, userId, this.followingRoomEvents);
  }

  relay(event: IntegrationEvent): void {
    if (this.pubsub !== undefined && event.type !== MESSAGE_POSTED_V1) relayRoomEvent(this.pubsub, event, (userId) => this.followingRoomEvents.has(userId));
    if (this.pubsub === undefined || this.following.size === 0) return;
    this.relayRead(event);
    const payload = messagePayloadOf(event);
    const audience = payload === undefined ? undefined : audienceOf(event.payload);
    if (payload === undefined || audience === undefined) return;
    for (const userId of audience) {
      if (this.following.has(userId)) this.pubsub.publish({ topic: messagesTopicOf(userId), payload }, () => undefined);
    }
  }

  private relayRead(event: IntegrationEvent): void {
    const payload = readPayloadOf(event);
    const audience = payload === undefined ? undefined : audienceOf(event.payload);
    if (this.pubsub === undefined || audience === undefined || payload === undefined) return;
    for (const userId of audience) {
      if (this.following.has(userId)) this.pubsub.publish({ topic: readsTopicOf(userId), payload }, () => undefined);
    }
  }
}
