import type { Redis } from 'ioredis';
import { silentLogger, systemClock } from '@chatterroom/kernel';
import { InMemoryEventBus } from '@chatterroom/kernel/adapters';
import { closeMongoOrm, createMongoOrm, type MongoOrm } from '@chatterroom/platform/mongo/create-mongo-orm';
import { closeRedis, createRedis, redisReady } from '@chatterroom/platform/redis/create-redis';
import { mongoTestUrl, serviceUrls } from '@chatterroom/test/harness/services/service-urls';
import { chatEntities, MikroOrmChatEventLog, MikroOrmConversationStore, MikroOrmMessageStore, MikroOrmReadMarkerStore, MikroOrmRoomMembership, MikroOrmRoomStore } from '../adapters/mongo';
import { ChatEventRelay } from './chat-event-relay';
import { ConversationTracking } from './conversation-tracking';
import { RedisCachedRoomMembership } from '../adapters/redis/redis-cached.room-membership';
import { RedisRelayLeadership } from '../adapters/redis/redis.relay-leadership';
import { RoomAdministrationService } from './room-administration.service';
import { RoomsService } from './rooms.service';
import type { RoomMembership } from '../ports';

const [ANN, BOB, CAT, DAN] = [11, 12, 13, 14];

/** Many steps against FerretDB and Redis, on a machine that may be busy. */
jest.setTimeout(60_000);

/**
 * Two chat-service replicas as the split deployment runs them: each its own MongoDB connection
 * and Redis-cached membership, on one database and one Redis key space. What one changes, the
 * other answers at once; and both stay right after Redis lost the keys.
 */
describe('rooms served by two chat-service replicas (MongoDB on FerretDB, Redis)', () => {
  const keyPrefix = `chatterroom-test:replicas:${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}:`;
  let url: string;
  let redis: Redis;
  const orms: MongoOrm[] = [];
  const eventBus = new InMemoryEventBus({ logger: silentLogger });

  const replica = async () => {
    const mongoOrm = await createMongoOrm({ clientUrl: url, entities: chatEntities });
    orms.push(mongoOrm);
    const roomMembership = new RedisCachedRoomMembership({ redis, durableRoomMembership: new MikroOrmRoomMembership({ mongoOrm }), logger: silentLogger, keyPrefix });
    const readMarkerStore = new MikroOrmReadMarkerStore({ mongoOrm });
    const conversationTracking = new ConversationTracking({ conversationStore: new MikroOrmConversationStore({ mongoOrm }), readMarkerStore });
    const chatEventLog = new MikroOrmChatEventLog({ mongoOrm });
    const deps = {
      chatEventLog,
      chatEventRelay: new ChatEventRelay({ chatEventLog, roomMembership, relayLeadership: new RedisRelayLeadership({ redis, keyPrefix, logger: silentLogger }), eventBus, logger: silentLogger, chatEventRetentionMs: 3_600_000 }),
      readMarkerStore,
      conversationTracking,
      roomStore: new MikroOrmRoomStore({ mongoOrm }),
      roomMembership,
      messageStore: new MikroOrmMessageStore({ mongoOrm, chatEventLog }),
      userLookup: { exists: async (userId: number) => [ANN, BOB, CAT, DAN].includes(userId) },
      clock: systemClock,
      logger: silentLogger,
    };
    return { rooms: new RoomsService(deps), administration: new RoomAdministrationService(deps), membership: roomMembership };
  };

  /** Deletes this test's keys only (the Redis is shared): as if Redis had lost them. */
  const forgetRedis = async () => {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${keyPrefix}*`, 'COUNT', 1000);
      if (keys.length > 0) await redis.del(...keys);
      cursor = next;
    } while (cursor !== '0');
  };

  beforeAll(async () => {
    url = mongoTestUrl('chat_rooms_replicas');
    redis = createRedis(serviceUrls.redis, silentLogger);
    await redisReady(redis);
  });

  afterAll(async () => {
    await forgetRedis();
    await orms[0]?.em.getConnection().getDb().dropDatabase();
    for (const orm of orms.splice(0)) await closeMongoOrm(orm);
    await closeRedis(redis);
    await eventBus.close();
  });

  it('keeps membership and roles right across replicas and after Redis lost its data', async () => {
    const [a, b] = [await replica(), await replica()];
    const { roomId } = await a.rooms.createRoom({ roomName: 'replicated', userId: ANN, visibility: 'private', members: [BOB, CAT] });
    expect(await b.membership.members(roomId)).toEqual([ANN, BOB, CAT]);

    await b.administration.setRole({ roomId, userId: ANN, memberId: BOB, role: 'admin' });
    expect((await a.rooms.getRoom({ roomId, userId: BOB })).role).toBe('admin');

    await b.administration.removeMember({ roomId, userId: BOB, memberId: CAT });
    expect(await a.membership.isMember(roomId, CAT)).toBe(false);
    await expect(a.rooms.getRoom({ roomId, userId: CAT })).rejects.toMatchObject({ code: 'CHAT_ROOM_NOT_FOUND' });

    await forgetRedis();
    expect(await a.membership.members(roomId)).toEqual([ANN, BOB]);
    expect(await b.membership.roomsOf(CAT)).toEqual([]);

    await a.rooms.leaveRoom({ roomId, userId: ANN });
    expect((await b.rooms.getRoom({ roomId, userId: BOB })).role).toBe('owner');
    expect(await b.membership.members(roomId)).toEqual([BOB]);

    await b.administration.deleteRoom({ roomId, userId: BOB });
    expect(await a.membership.roomsOf(BOB)).toEqual([]);
    await expect(a.rooms.joinRoom({ roomId, userId: CAT })).rejects.toMatchObject({ code: 'CHAT_ROOM_NOT_FOUND' });
  });

  /** The room's owners and members, read from the durable store. */
  const ownersOf = async (membership: RoomMembership, roomId: number) => {
    const members = await membership.page(roomId, { limit: 10 });
    return { members: members.length, owners: members.filter((member) => member.role === 'owner').map((member) => member.userId) };
  };

  it('never ends a hand-over race with members and no owner, nor with two owners (owner leaves while others leave or are handed the room, on two replicas)', async () => {
    const [a, b] = [await replica(), await replica()];
    const settle = (work: Promise<unknown>[]) => Promise.allSettled(work);
    for (let round = 0; round < 12; round += 1) {
      const { roomId } = await a.rooms.createRoom({ roomName: `race ${round}`, userId: ANN, visibility: 'private', members: [BOB, CAT, DAN] });
      await a.administration.setRole({ roomId, userId: ANN, memberId: BOB, role: 'admin' });
      const races = [
        () => [a.rooms.leaveRoom({ roomId, userId: ANN }), b.rooms.leaveRoom({ roomId, userId: BOB })],
        () => [a.rooms.leaveRoom({ roomId, userId: ANN }), b.administration.setRole({ roomId, userId: ANN, memberId: CAT, role: 'owner' })],
        () => [a.administration.setRole({ roomId, userId: ANN, memberId: BOB, role: 'owner' }), b.administration.setRole({ roomId, userId: ANN, memberId: CAT, role: 'owner' })],
        () => [a.administration.setRole({ roomId, userId: ANN, memberId: CAT, role: 'owner' }), b.rooms.leaveRoom({ roomId, userId: CAT })],
      ];
      await settle(races[round % races.length]!());
      const after = await ownersOf(a.membership, roomId);
      expect(after.owners).toHaveLength(after.members > 0 ? 1 : 0);
      await settle([a.rooms.leaveRoom({ roomId, userId: DAN }), b.rooms.leaveRoom({ roomId, userId: after.owners[0] ?? ANN })]);
      const end = await ownersOf(b.membership, roomId);
      expect(end.owners).toHaveLength(end.members > 0 ? 1 : 0);
    }
  });
});
