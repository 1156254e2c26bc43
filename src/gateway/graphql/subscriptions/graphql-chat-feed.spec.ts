import type { PubSub } from 'mercurius';
import { MESSAGE_POSTED_V1, ROOM_MEMBER_JOINED_V1, type ChatMessage } from '@chatterroom/chat/contracts';
import { createEvent } from '@chatterroom/kernel';
import { GraphqlChatFeed, messagesTopicOf } from './graphql-chat-feed';
import { roomEventsTopicOf } from './graphql-room-events';

const message: ChatMessage = { messageId: 'm1', kind: 'room', senderId: 1, roomId: 5, message: 'hi', timestamp: '2024-01-01T00:00:00.000Z', seq: 1 };

/** Records publishes; each subscription is a feed that ends when `end(topic)` is called. */
const recordingPubsub = () => {
  const published: Array<{ topic: string; payload: unknown }> = [];
  const enders = new Map<string, () => void>();
  const subscribe = async (topic: string): Promise<AsyncIterable<unknown>> => {
    const ended = new Promise<void>((resolve) => enders.set(topic, resolve));
    return {
      [Symbol.asyncIterator]: () => ({ next: async () => (await ended, { done: true as const, value: undefined }) }),
    };
  };
  const pubsub = { publish: (event: { topic: string; payload: unknown }, done?: () => void) => (published.push(event), done?.()), subscribe };
  return { published, pubsub: pubsub as unknown as PubSub, end: (topic: string) => enders.get(topic)?.() };
};

const drain = async (feed: AsyncIterable<unknown>) => {
  for await (const _ of feed);
};

describe('GraphqlChatFeed', () => {
  it('publishes a posted message on the topic of each user of its audience who follows it here, and no one else', async () => {
    const { published, pubsub, end } = recordingPubsub();
    const feed = new GraphqlChatFeed();
    feed.connect(pubsub);
    await feed.follow(pubsub, 1);
    const third = await feed.follow(pubsub, 3);
    const posted = createEvent(MESSAGE_POSTED_V1, { message, audience: [1, 2, 3, 3] });
    feed.relay(posted);
    expect(published).toEqual([
      { topic: messagesTopicOf(1), payload: { message, change: 'posted', eventId: posted.id } },
      { topic: messagesTopicOf(3), payload: { message, change: 'posted', eventId: posted.id } },
    ]);

    const thirdEnded = drain(third);
    end(messagesTopicOf(3));
    await thirdEnded;
    published.length = 0;
    const later = createEvent(MESSAGE_POSTED_V1, { message, audience: [1, 3] });
    feed.relay(later);
    expect(published).toEqual([{ topic: messagesTopicOf(1), payload: { message, change: 'posted', eventId: later.id } }]);
  });

  it('ignores other events, malformed ones, and everything before connect or after disconnect', async () => {
    const { published, pubsub } = recordingPubsub();
    const feed = new GraphqlChatFeed();
    await feed.follow(pubsub, 1);
    feed.relay(createEvent(MESSAGE_POSTED_V1, { message, audience: [1] }));
    feed.connect(pubsub);
    feed.relay(createEvent(ROOM_MEMBER_JOINED_V1, { roomId: 5, userId: 2, audience: [1, 2] }));
    feed.relay(createEvent(MESSAGE_POSTED_V1, { message, audience: ['1'] }));
    feed.relay(createEvent(MESSAGE_POSTED_V1, { message: null, audience: [1] }));
    feed.disconnect();
    feed.relay(createEvent(MESSAGE_POSTED_V1, { message, audience: [1] }));
    expect(published).toEqual([]);
  });

  it('publishes room changes on the room-events topic of each follower of its audience, and messages never there', async () => {
    const { published, pubsub, end } = recordingPubsub();
    const feed = new GraphqlChatFeed();
    feed.connect(pubsub);
    await feed.follow(pubsub, 1);
    const second = await feed.followRoomEvents(pubsub, 2);
    const joined = createEvent(ROOM_MEMBER_JOINED_V1, { roomId: 5, userId: 2, audience: [1, 2] });
    feed.relay(joined);
    feed.relay(createEvent(MESSAGE_POSTED_V1, { message, audience: [2] }));
    expect(published).toEqual([{ topic: roomEventsTopicOf(2), payload: { event: { type: 'room.joined', roomId: 5, userId: 2 }, eventId: joined.id } }]);
    const ended = drain(second);
    end(roomEventsTopicOf(2));
    await ended;
    published.length = 0;
    feed.relay(createEvent(ROOM_MEMBER_JOINED_V1, { roomId: 5, userId: 2, audience: [1, 2] }));
    expect(published).toEqual([]);
  });
});
