import { once } from 'node:events';
import type { Redis } from 'ioredis';
import { silentLogger, type Logger } from '@chatterroom/kernel';
import type { RoomRole } from '../../contracts';
import type { RoomMemberPageQuery, RoomMembership, StoredRoomMember } from '../../ports';
import { InMemoryRoomMembership } from '../in-memory/in-memory.room-membership';
import { RedisCachedRoomMembership } from './redis-cached.room-membership';
import { closeRedis, createRedis, redisReady } from '@chatterroom/platform/redis/create-redis';
import { serviceUrls } from '@chatterroom/test/harness/services/service-urls';
import { describeRoomMembershipContract } from '@chatterroom/test/contract/ports/chat/room-membership.contract';
import { recordingLogger } from '@chatterroom/test/harness/recording-logger';

const freshId = (): number => 1_000_000_000 + Math.floor(Math.random() * 1_000_000_000);
const uniquePrefix = (): string => `chatterroom-test:${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}:`;

/** Deletes this run's keys only: the Redis is shared, so no FLUSHALL. */
const deleteKeys = async (redis: Redis, prefix: string): Promise<number> => {
  let deleted = 0;
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 1000);
    if (keys.length > 0) deleted += await redis.del(...keys);
    cursor = next;
  } while (cursor !== '0');
  return deleted;
};

/** A durable store whose next read can be held after taking its snapshot, to interleave a write with a rebuild. */
class PausableRoomMembership implements RoomMembership {
  private pause?: { reached: () => void; released: Promise<void> };
  constructor(readonly inner: RoomMembership) {}

  pauseNextRead(): { reached: Promise<void>; release: () => void } {
    let release = () => {};
    const released = new Promise<void>((resolve) => (release = resolve));
    const reached = new Promise<void>((resolve) => (this.pause = { reached: resolve, released }));
    return { reached, release };
  }

  add = (roomId: number, userId: number, role?: RoomRole, joinedAt?: string) => this.inner.add(roomId, userId, role, joinedAt);
  addMany = (roomId: number, members: readonly StoredRoomMember[]) => this.inner.addMany(roomId, members);
  remove = (roomId: number, userId: number) => this.inner.remove(roomId, userId);
  removeAll = (roomId: number) => this.inner.removeAll(roomId);
  roleOf = (roomId: number, userId: number) => this.inner.roleOf(roomId, userId);
  setRole = (roomId: number, userId: number, role: Exclude<RoomRole, 'owner'>) => this.inner.setRole(roomId, userId, role);
  claimOwnership = (roomId: number, userId: number) => this.inner.claimOwnership(roomId, userId);
  releaseOwnership = (roomId: number, userId: number) => this.inner.releaseOwnership(roomId, userId);
  count = (roomId: number) => this.inner.count(roomId);
  page = (roomId: number, query: RoomMemberPageQuery) => this.inner.page(roomId, query);
  longestStanding = (roomId: number, role: RoomRole) => this.inner.longestStanding(roomId, role);
  isMember = (roomId: number, userId: number) => this.inner.isMember(roomId, userId);
  members = (roomId: number) => this.held(this.inner.members(roomId));
  roomsOf = (userId: number) => this.held(this.inner.roomsOf(userId));

  private async held(read: Promise<number[]>): Promise<number[]> {
    const snapshot = await read;
    const pause = this.pause;
    this.pause = undefined;
    if (pause !== undefined) {
      pause.reached();
      await pause.released;
    }
    return snapshot;
  }
}

describe('RedisCachedRoomMembership', () => {
  const keyPrefix = uniquePrefix();
  let redis: Redis;

  beforeAll(async () => {
    redis = createRedis(serviceUrls.redis, silentLogger);
    await redisReady(redis);
  });
  afterAll(async () => {
    await deleteKeys(redis, keyPrefix);
    await closeRedis(redis);
  });

  const subject = (logger: Logger = silentLogger, client: Redis = redis) => {
    const durable = new PausableRoomMembership(new InMemoryRoomMembership());
    const membership = new RedisCachedRoomMembership({ redis: client, durableRoomMembership: durable, logger, keyPrefix });
    return { durable, membership };
  };
  const roomKey = (roomId: number) => `${keyPrefix}room:${roomId}:members`;
  const userKey = (userId: number) => `${keyPrefix}user:${userId}:rooms`;

  describeRoomMembershipContract('Redis cache over in-memory', async () => ({
    membership: subject().membership,
    close: async () => {},
  }));

  it('answers loaded sets from Redis, which holds the members and the sentinel', async () => {
    const { durable, membership } = subject();
    const [roomId, alice, bob] = [freshId(), freshId(), freshId()];
    await membership.add(roomId, alice);
    expect(await membership.members(roomId)).toEqual([alice]);
    expect((await redis.smembers(roomKey(roomId))).sort()).toEqual(['_', String(alice)].sort());

    await durable.inner.add(roomId, bob);
    expect(await membership.members(roomId)).toEqual([alice]);
    expect(await membership.isMember(roomId, bob)).toBe(false);
  });

  it('loses nothing when Redis loses its data: every answer is rebuilt from the durable store', async () => {
    const { membership } = subject();
    const [roomA, roomB, alice, bob, carol] = [freshId(), freshId(), freshId(), freshId(), freshId()];
    for (const [roomId, userId] of [[roomA, alice], [roomA, bob], [roomB, bob], [roomB, carol]] as const) await membership.add(roomId, userId);
    await membership.remove(roomB, carol);
    const answers = async () => ({
      membersA: await membership.members(roomA),
      membersB: await membership.members(roomB),
      roomsOfBob: await membership.roomsOf(bob),
      roomsOfCarol: await membership.roomsOf(carol),
      bobInB: await membership.isMember(roomB, bob),
      carolInB: await membership.isMember(roomB, carol),
    });
    const before = await answers();
    expect(before).toEqual({
      membersA: [alice, bob].sort((a, b) => a - b),
      membersB: [bob],
      roomsOfBob: [roomA, roomB].sort((a, b) => a - b),
      roomsOfCarol: [],
      bobInB: true,
      carolInB: false,
    });

    expect(await deleteKeys(redis, keyPrefix)).toBeGreaterThan(0);
    expect(await answers()).toEqual(before);
    expect(await redis.exists(roomKey(roomA), roomKey(roomB), userKey(bob))).toBe(3);
  });

  it('a write to a set that is not loaded goes to the durable store only, and the next read loads it', async () => {
    const { membership } = subject();
    const [roomId, alice, bob] = [freshId(), freshId(), freshId()];
    expect(await membership.add(roomId, alice)).toBe(true);
    expect(await redis.exists(roomKey(roomId), userKey(alice))).toBe(0);

    expect(await membership.isMember(roomId, alice)).toBe(true);
    expect(await redis.sismember(roomKey(roomId), String(alice))).toBe(1);

    expect(await membership.add(roomId, bob)).toBe(true);
    expect(await redis.sismember(roomKey(roomId), String(bob))).toBe(1);
    expect(await membership.remove(roomId, alice)).toBe(true);
    expect(await membership.remove(roomId, bob)).toBe(true);
    expect(await redis.smembers(roomKey(roomId))).toEqual(['_']);
    expect(await membership.members(roomId)).toEqual([]);
  });

  it('answers members, roles and pages right after Redis lost its data (rebuilt from the durable store)', async () => {
    const { membership } = subject();
    const [roomId, owner, admin] = [freshId(), freshId(), freshId()];
    await membership.add(roomId, owner, 'owner');
    await membership.add(roomId, admin, 'admin');
    expect(await membership.members(roomId)).toEqual([owner, admin].sort((a, b) => a - b));
    await redis.del(roomKey(roomId), userKey(owner), userKey(admin));
    expect(await membership.members(roomId)).toEqual([owner, admin].sort((a, b) => a - b));
    expect(await membership.roleOf(roomId, owner)).toBe('owner');
    expect(await membership.longestStanding(roomId, 'admin')).toBe(admin);
    expect(await membership.roomsOf(admin)).toEqual([roomId]);
    expect(await redis.sismember(roomKey(roomId), String(admin))).toBe(1);
  });

  it("takes a deleted room out of every loaded set, the members' rooms included", async () => {
    const { membership } = subject();
    const [roomId, otherRoom, a, b] = [freshId(), freshId(), freshId(), freshId()];
    await membership.addMany(roomId, [
      { userId: a, role: 'owner', joinedAt: new Date().toISOString() },
      { userId: b, role: 'member', joinedAt: new Date().toISOString() },
    ]);
    await membership.add(otherRoom, b);
    expect(await membership.roomsOf(b)).toEqual([roomId, otherRoom].sort((x, y) => x - y));
    expect(await membership.members(roomId)).toHaveLength(2);
    await membership.removeAll(roomId);
    expect(await redis.sismember(userKey(b), String(roomId))).toBe(0);
    expect(await membership.roomsOf(b)).toEqual([otherRoom]);
    expect(await membership.roomsOf(a)).toEqual([]);
    expect(await membership.members(roomId)).toEqual([]);
  });

  describe('a write racing a rebuild is not lost', () => {
    it('an add during the rebuild of a room', async () => {
      const { durable, membership } = subject();
      const [roomId, alice, bob] = [freshId(), freshId(), freshId()];
      await membership.add(roomId, alice);
      const pause = durable.pauseNextRead();
      const rebuilding = membership.members(roomId);
      await pause.reached;
      await membership.add(roomId, bob);
      pause.release();
      await rebuilding;
      expect(await membership.members(roomId)).toEqual([alice, bob].sort((a, b) => a - b));
      expect(await membership.isMember(roomId, bob)).toBe(true);
    });

    it('a remove during the rebuild of a room', async () => {
      const { durable, membership } = subject();
      const [roomId, alice, bob] = [freshId(), freshId(), freshId()];
      await membership.add(roomId, alice);
      await membership.add(roomId, bob);
      const pause = durable.pauseNextRead();
      const rebuilding = membership.isMember(roomId, bob);
      await pause.reached;
      await membership.remove(roomId, bob);
      pause.release();
      await rebuilding;
      expect(await membership.isMember(roomId, bob)).toBe(false);
      expect(await membership.members(roomId)).toEqual([alice]);
    });

    it("an add during the rebuild of a user's rooms", async () => {
      const { durable, membership } = subject();
      const [roomA, roomB, alice] = [freshId(), freshId(), freshId()];
      await membership.add(roomA, alice);
      const pause = durable.pauseNextRead();
      const rebuilding = membership.roomsOf(alice);
      await pause.reached;
      await membership.add(roomB, alice);
      pause.release();
      await rebuilding;
      expect(await membership.roomsOf(alice)).toEqual([roomA, roomB].sort((a, b) => a - b));
    });

    it('many concurrent adds and reads on a set being loaded', async () => {
      const { membership } = subject();
      const roomId = freshId();
      const users = Array.from({ length: 20 }, freshId);
      await Promise.all(users.flatMap((userId) => [membership.add(roomId, userId), membership.members(roomId)]));
      expect(await membership.members(roomId)).toEqual([...users].sort((a, b) => a - b));
    });
  });

  it('falls back to the durable store while its connection is down, warns once, and drops the sets it could not update', async () => {
    const client = createRedis(serviceUrls.redis, silentLogger);
    try {
      await redisReady(client);
      const log = recordingLogger();
      const { membership } = subject(log.logger, client);
      const [roomId, alice, bob] = [freshId(), freshId(), freshId()];
      await membership.add(roomId, alice);
      expect(await membership.members(roomId)).toEqual([alice]);

      client.disconnect();
      expect(await membership.add(roomId, bob)).toBe(true);
      expect(await membership.members(roomId)).toEqual([alice, bob].sort((a, b) => a - b));
      expect(await membership.roomsOf(bob)).toEqual([roomId]);
      expect(log.warnings).toHaveLength(1);

      if (client.status !== 'end') await once(client, 'end');
      await client.connect();
      expect(await membership.members(roomId)).toEqual([alice, bob].sort((a, b) => a - b));
      expect(await membership.isMember(roomId, bob)).toBe(true);
      expect(await redis.sismember(roomKey(roomId), String(bob))).toBe(1);
      expect(log.infos).toHaveLength(1);
    } finally {
      await closeRedis(client);
    }
  });
});
