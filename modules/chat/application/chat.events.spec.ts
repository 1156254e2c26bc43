import type { EventBus, IntegrationEvent, Logger } from '@chatterroom/kernel';
import {
  MESSAGE_POSTED_V1,
  ROOM_DELETED_V1,
  ROOM_MEMBER_ADDED_V1,
  ROOM_MEMBER_JOINED_V1,
  ROOM_MEMBER_LEFT_V1,
  ROOM_MEMBER_REMOVED_V1,
  ROOM_ROLE_CHANGED_V1,
  ROOM_UPDATED_V1,
} from '../contracts';
import { createInMemoryChatStorage } from '../adapters/in-memory/in-memory.chat-storage';
import { privateConversation, roomConversation } from '../domain/conversation-key';
import { ChatEventRelay } from './chat-event-relay';
import { SoleRelayLeadership } from '../adapters/in-memory/sole.relay-leadership';
import { MessagingService } from './messaging.service';
import { RoomsService } from './rooms.service';
import { inMemoryConversationStores } from '@chatterroom/test/contract/ports/chat/in-memory-conversation-stores';
import { RoomAdministrationService } from './room-administration.service';

const NOW = new Date('2024-05-06T07:08:09.000Z');
const [ANN, BOB, CAT] = [1, 2, 3];

/** Records what is published; `failing` makes publish reject, as a broker that refused the event. */
class RecordingEventBus implements EventBus {
  readonly published: IntegrationEvent[] = [];
  failing = false;
  onPublish: (event: IntegrationEvent) => Promise<void> = async () => {};

  async publish(event: IntegrationEvent): Promise<void> {
    await this.onPublish(event);
    if (this.failing) throw new Error('broker unavailable');
    this.published.push(event);
  }
  async subscribe(): Promise<void> {}
  async close(): Promise<void> {}
}

const setup = () => {
  const eventBus = new RecordingEventBus();
  const logger: Logger & { errors: object[] } = { errors: [], info() {}, warn() {}, debug() {}, error: (obj) => logger.errors.push(obj) };
  const storage = createInMemoryChatStorage();
  const relay = new ChatEventRelay({ chatEventLog: storage.chatEventLog, roomMembership: storage.roomMembership, relayLeadership: new SoleRelayLeadership(), eventBus, logger, chatEventRetentionMs: 3_600_000 });
  const deps = {
    ...storage,
    ...inMemoryConversationStores(),
    userLookup: { exists: async (userId: number) => [ANN, BOB, CAT].includes(userId) },
    eventBus,
    clock: { now: () => NOW },
    logger,
  };
  const messaging = new MessagingService(deps);
  const rooms = new RoomsService(deps);
  const administration = new RoomAdministrationService(deps);
  const roomWith = async (...joiners: number[]) => {
    const { roomId } = await rooms.createRoom({ roomName: 'events', userId: ANN });
    for (const userId of joiners) await rooms.joinRoom({ roomId, userId });
    await relay.flush();
    eventBus.published.length = 0;
    return roomId;
  };
  /** What the relay has published once it published everything pending. */
  const published = async () => {
    await relay.flush();
    return eventBus.published;
  };
  const types = async () => (await published()).map((e) => e.type);
  return { deps, eventBus, logger, messaging, rooms, administration, roomWith, relay, published, types };
};

describe('chat events: messages', () => {
  it('announces a private message to both users, once each, after storing it', async () => {
    const { deps, eventBus, messaging, published } = setup();
    let storedAtPublish: unknown;
    eventBus.onPublish = async (event) => {
      const { message } = event.payload as { message: { messageId: string } };
      storedAtPublish = await deps.messageStore.findInConversation(privateConversation(ANN, BOB), message.messageId);
    };
    const message = await messaging.sendPrivateMessage({ fromUserId: BOB, toUserId: ANN, message: 'hi' });
    expect(await published()).toEqual([
      {
        id: expect.any(String),
        type: MESSAGE_POSTED_V1,
        occurredAt: NOW.toISOString(),
        payload: { message, audience: [ANN, BOB] },
        cursor: expect.any(String),
      },
    ]);
    expect(storedAtPublish).toEqual(message);
  });

  it('announces a note to oneself to that user once', async () => {
    const { messaging, published } = setup();
    await messaging.sendPrivateMessage({ fromUserId: CAT, toUserId: CAT, message: 'note' });
    expect((await published())[0]?.payload).toMatchObject({ audience: [CAT] });
  });

  it('records a room message with its room and no members; the relay publishes it to the members, read once per batch', async () => {
    const { deps, messaging, roomWith, published, relay } = setup();
    const roomId = await roomWith(CAT);
    const calls: string[] = [];
    const { appendBatch } = deps.messageStore;
    deps.messageStore.appendBatch = async (requests) => {
      calls.push('append');
      return appendBatch.call(deps.messageStore, requests);
    };
    const { members } = deps.roomMembership;
    deps.roomMembership.members = async (id) => {
      calls.push('members');
      return members.call(deps.roomMembership, id);
    };
    await relay.stop();

    const sent = [];
    for (const text of ['one', 'two', 'three']) sent.push(await messaging.sendRoomMessage({ userId: CAT, roomId, message: text }));
    expect(calls).toEqual(['append', 'append', 'append']);
    const logged = (await deps.chatEventLog.readFor(CAT, 0, 100, [roomId])).slice(-3);
    expect(logged.map(({ audience, roomId: room, payload }) => ({ audience, room, payload }))).toEqual(sent.map((message) => ({ audience: [], room: roomId, payload: { message } })));
    expect(await published()).toEqual(sent.map((message) => expect.objectContaining({ type: MESSAGE_POSTED_V1, payload: { message, audience: [ANN, CAT] } })));
    expect(calls).toEqual(['append', 'append', 'append', 'members']);
  });

  it('announces nothing for a retried send', async () => {
    const { messaging, roomWith, published } = setup();
    const roomId = await roomWith();
    await messaging.sendRoomMessage({ userId: ANN, roomId, message: 'x', clientMessageId: 'r-1' });
    await messaging.sendRoomMessage({ userId: ANN, roomId, message: 'x', clientMessageId: 'r-1' });
    await messaging.sendPrivateMessage({ fromUserId: ANN, toUserId: BOB, message: 'y', clientMessageId: 'p-1' });
    await messaging.sendPrivateMessage({ fromUserId: ANN, toUserId: BOB, message: 'y', clientMessageId: 'p-1' });
    expect(await published()).toHaveLength(2);
  });

  it('announces nothing for a refused send', async () => {
    const { messaging, roomWith, published } = setup();
    const roomId = await roomWith();
    await expect(messaging.sendRoomMessage({ userId: BOB, roomId, message: 'x' })).rejects.toMatchObject({ code: 'CHAT_NOT_A_ROOM_MEMBER' });
    await expect(messaging.sendPrivateMessage({ fromUserId: ANN, toUserId: 99, message: 'x' })).rejects.toMatchObject({
      code: 'CHAT_RECIPIENT_NOT_FOUND',
    });
    expect(await published()).toEqual([]);
  });

  it('accepts a message while the bus refuses, and publishes it once the bus accepts again', async () => {
    const { deps, eventBus, messaging, roomWith, relay, published } = setup();
    const roomId = await roomWith();
    eventBus.failing = true;
    const message = await messaging.sendRoomMessage({ userId: ANN, roomId, message: 'stored anyway' });
    expect(await deps.messageStore.page({ conversation: roomConversation(roomId), limit: 10 })).toEqual([message]);
    await expect(relay.flush()).rejects.toThrow('broker unavailable');
    expect(relay.pendingSince()).toBe(Date.parse(message.timestamp));
    eventBus.failing = false;
    expect(await published()).toEqual([expect.objectContaining({ type: MESSAGE_POSTED_V1, payload: { message, audience: [ANN] } })]);
    expect(await published()).toHaveLength(1);
    expect(relay.pendingSince()).toBeUndefined();
  });
});

describe('chat events: rooms', () => {
  const changed = (type: string, roomId: number, userId: number, audience: number[]) =>
    expect.objectContaining({ type, occurredAt: NOW.toISOString(), payload: { roomId, userId, audience } });

  it('announces the creator joining a new room', async () => {
    const { rooms, published } = setup();
    const { roomId } = await rooms.createRoom({ roomName: 'new', userId: BOB });
    expect(await published()).toEqual([changed(ROOM_MEMBER_JOINED_V1, roomId, BOB, [BOB])]);
  });

  it('announces a join to the members after it, and a second join not at all', async () => {
    const { rooms, roomWith, published } = setup();
    const roomId = await roomWith(CAT);
    await rooms.joinRoom({ roomId, userId: BOB });
    await rooms.joinRoom({ roomId, userId: BOB });
    expect(await published()).toEqual([changed(ROOM_MEMBER_JOINED_V1, roomId, BOB, [ANN, BOB, CAT])]);
  });

  it('announces a leave to the remaining members and the leaver, and a second leave not at all', async () => {
    const { rooms, roomWith, published } = setup();
    const roomId = await roomWith(BOB, CAT);
    await rooms.leaveRoom({ roomId, userId: BOB });
    await rooms.leaveRoom({ roomId, userId: BOB });
    expect(await published()).toEqual([changed(ROOM_MEMBER_LEFT_V1, roomId, BOB, [ANN, BOB, CAT])]);
    await rooms.leaveRoom({ roomId, userId: ANN });
    expect((await published())[1]).toEqual(changed(ROOM_MEMBER_LEFT_V1, roomId, ANN, [ANN, CAT]));
  });

  it('announces nothing when someone who never joined leaves', async () => {
    const { rooms, roomWith, published } = setup();
    const roomId = await roomWith();
    await rooms.leaveRoom({ roomId, userId: CAT });
    expect(await published()).toEqual([]);
  });

  it('keeps a membership change when the bus refuses, and publishes it once the bus accepts again', async () => {
    const { eventBus, rooms, roomWith, relay, published } = setup();
    const roomId = await roomWith();
    eventBus.failing = true;
    expect(await rooms.joinRoom({ roomId, userId: BOB })).toEqual({ roomId, userId: BOB, joined: true });
    expect((await rooms.getRoom({ roomId, userId: BOB })).members).toEqual([ANN, BOB]);
    await expect(relay.flush()).rejects.toThrow('broker unavailable');
    eventBus.failing = false;
    expect(await published()).toEqual([changed(ROOM_MEMBER_JOINED_V1, roomId, BOB, [ANN, BOB])]);
  });

  it('keeps a membership change when the event log refuses, and logs the failure', async () => {
    const { deps, logger, rooms, roomWith, published } = setup();
    const roomId = await roomWith();
    deps.chatEventLog.record = async () => {
      throw new Error('disk full');
    };
    expect(await rooms.joinRoom({ roomId, userId: BOB })).toEqual({ roomId, userId: BOB, joined: true });
    expect(logger.errors).toEqual([expect.objectContaining({ eventType: ROOM_MEMBER_JOINED_V1 })]);
    expect(await published()).toEqual([]);
  });
});

describe('chat events: running rooms', () => {
  const event = (type: string, payload: object) => expect.objectContaining({ type, payload });

  it('announces each listed member of a new room as added, to all its members', async () => {
    const { rooms, published } = setup();
    const { roomId } = await rooms.createRoom({ roomName: 'team', userId: ANN, visibility: 'private', members: [BOB, CAT] });
    expect(await published()).toEqual([
      event(ROOM_MEMBER_JOINED_V1, { roomId, userId: ANN, audience: [ANN, BOB, CAT] }),
      event(ROOM_MEMBER_ADDED_V1, { roomId, userId: BOB, role: 'member', byUserId: ANN, audience: [ANN, BOB, CAT] }),
      event(ROOM_MEMBER_ADDED_V1, { roomId, userId: CAT, role: 'member', byUserId: ANN, audience: [ANN, BOB, CAT] }),
    ]);
  });

  it('announces a removal to the members and the removed one, and a role change to the members', async () => {
    const { administration, roomWith, published } = setup();
    const roomId = await roomWith(BOB, CAT);
    await administration.setRole({ roomId, userId: ANN, memberId: BOB, role: 'admin' });
    await administration.removeMember({ roomId, userId: BOB, memberId: CAT });
    expect(await published()).toEqual([
      event(ROOM_ROLE_CHANGED_V1, { roomId, userId: BOB, role: 'admin', byUserId: ANN, audience: [ANN, BOB, CAT] }),
      event(ROOM_MEMBER_REMOVED_V1, { roomId, userId: CAT, byUserId: BOB, audience: [ANN, BOB, CAT] }),
    ]);
  });

  it('announces the new owner when the owner leaves', async () => {
    const { rooms, roomWith, published } = setup();
    const roomId = await roomWith(BOB);
    await rooms.leaveRoom({ roomId, userId: ANN });
    expect(await published()).toEqual([
      event(ROOM_MEMBER_LEFT_V1, { roomId, userId: ANN, audience: [ANN, BOB] }),
      event(ROOM_ROLE_CHANGED_V1, { roomId, userId: BOB, role: 'owner', byUserId: ANN, audience: [BOB] }),
    ]);
  });

  it('announces an update to the members, and a deletion to the members the room had', async () => {
    const { administration, roomWith, published } = setup();
    const roomId = await roomWith(BOB);
    await administration.updateRoom({ roomId, userId: ANN, name: 'renamed', visibility: 'private' });
    await administration.deleteRoom({ roomId, userId: ANN });
    expect(await published()).toEqual([
      event(ROOM_UPDATED_V1, { roomId, name: 'renamed', visibility: 'private', byUserId: ANN, audience: [ANN, BOB] }),
      event(ROOM_DELETED_V1, { roomId, byUserId: ANN, audience: [ANN, BOB] }),
    ]);
  });

  it('publishes a message posted just before its room was deleted to the members the room had', async () => {
    const { administration, messaging, roomWith, published, relay } = setup();
    const roomId = await roomWith(BOB);
    await relay.stop();
    const message = await messaging.sendRoomMessage({ userId: BOB, roomId, message: 'last words' });
    await administration.deleteRoom({ roomId, userId: ANN });
    expect(await published()).toEqual([
      expect.objectContaining({ type: MESSAGE_POSTED_V1, payload: { message, audience: [ANN, BOB] } }),
      event(ROOM_DELETED_V1, { roomId, byUserId: ANN, audience: [ANN, BOB] }),
    ]);
  });

  it('records a message into a room of 2,000 members as an event of the size of one into a room of 2, published to all of them', async () => {
    const { deps, messaging, rooms, published, relay } = setup();
    const sizeOfLast = async (roomId: number) => {
      const [logged] = (await deps.chatEventLog.readFor(ANN, 0, 1_000, [roomId])).filter((candidate) => candidate.roomId === roomId && candidate.type === MESSAGE_POSTED_V1);
      expect(logged).toMatchObject({ audience: [], payload: { message: { roomId } } });
      return JSON.stringify(deps.chatEventLog.kept((logged as { id: string }).id)).length;
    };
    const [small, large] = [await rooms.createRoom({ roomName: 'small', userId: ANN }), await rooms.createRoom({ roomName: 'large', userId: ANN })];
    const members = Array.from({ length: 2_000 }, (_, index) => 10_000 + index);
    await deps.roomMembership.addMany(large.roomId, members.map((userId) => ({ userId, role: 'member', joinedAt: NOW.toISOString() })));
    await deps.roomMembership.add(small.roomId, BOB);
    await relay.flush();
    await messaging.sendRoomMessage({ userId: ANN, roomId: small.roomId, message: 'same' });
    await messaging.sendRoomMessage({ userId: ANN, roomId: large.roomId, message: 'same' });
    expect(await sizeOfLast(large.roomId)).toBe(await sizeOfLast(small.roomId));
    const audiences = (await published()).filter((candidate) => candidate.type === MESSAGE_POSTED_V1).map((candidate) => (candidate.payload as { audience: number[] }).audience);
    expect(audiences).toEqual([[ANN, BOB], [ANN, ...members]]);
  });

  it('announces nothing for a refused change', async () => {
    const { administration, roomWith, published } = setup();
    const roomId = await roomWith(BOB);
    await expect(administration.deleteRoom({ roomId, userId: BOB })).rejects.toMatchObject({ code: 'CHAT_FORBIDDEN_ROLE' });
    expect(await published()).toEqual([]);
  });
});
