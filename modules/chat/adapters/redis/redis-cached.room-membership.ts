import type { Redis } from 'ioredis';
import type { Logger } from '@chatterroom/kernel';
import type { RoomRole } from '../../contracts';
import type { OwnershipClaim, RoomMemberPageQuery, RoomMembership, StoredRoomMember } from '../../ports';
import {
  APPLY_WRITE_SCRIPT,
  INSTALL_SNAPSHOT_SCRIPT,
  LOADED_SENTINEL,
  membershipKeys,
  type CachedSetKeys,
} from './redis-membership.scripts';

interface Deps {
  redis: Redis;
  durableRoomMembership: RoomMembership;
  logger: Logger;
  /** Key namespace, default `chatterroom:`; tests use a unique one. */
  keyPrefix?: string;
  /** Lifetime of a loaded set, bounding how long a missed update can linger. Default one hour. */
  membershipCacheTtlSeconds?: number;
}

const REDIS_FAILED = Symbol('redis failed');
const VERSION_TTL_SECONDS = 600;

/**
 * {@link RoomMembership} cached in Redis in front of a durable one (Mongo). Each room's
 * members and each user's rooms are a Redis set (`<prefix>room:<id>:members`,
 * `<prefix>user:<id>:rooms`) holding the sentinel `_` once loaded; a missing set (first
 * use, expiry, or Redis lost its data) is rebuilt from the durable store on read. Writes go
 * to the durable store first, then to the sets already loaded, in one Lua script that also
 * bumps each set's `:version` counter; a rebuild installs its snapshot only if that counter
 * did not move since before it read the durable store, so a write racing a rebuild is never
 * lost. While Redis fails (ioredis fails fast), every answer comes from the durable store,
 * and sets this process could not update are invalidated once Redis answers again.
 * Roles, counts, pages and the longest-standing holder of a role are read from the durable
 * store (never cached), so they are right whatever Redis holds.
 */
export class RedisCachedRoomMembership implements RoomMembership {
  private readonly redis: Redis;
  private readonly durable: RoomMembership;
  private readonly logger: Logger;
  private readonly keys: ReturnType<typeof membershipKeys>;
  private readonly ttlSeconds: number;
  private readonly staleSets = new Map<string, CachedSetKeys>();
  private degraded = false;

  constructor(deps: Deps) {
    this.redis = deps.redis;
    this.durable = deps.durableRoomMembership;
    this.logger = deps.logger;
    this.keys = membershipKeys(optionalDep(deps, 'keyPrefix') ?? 'chatterroom:');
    this.ttlSeconds = optionalDep(deps, 'membershipCacheTtlSeconds') ?? 3_600;
  }

  /**
   * The cached sets gain the member when the durable add took place, or when it was refused because they
   * are a member already (re-applied: repairs a set a crash left behind); never for a refused second owner.
   */
  async add(roomId: number, userId: number, role?: RoomRole, joinedAt?: string): Promise<boolean> {
    const added = await this.durable.add(roomId, userId, role, joinedAt);
    if (added || (await this.durable.isMember(roomId, userId))) await this.applyWrite('SADD', roomId, userId);
    return added;
  }

  async addMany(roomId: number, members: readonly StoredRoomMember[]): Promise<number[]> {
    const added = await this.durable.addMany(roomId, members);
    await Promise.all(added.map((userId) => this.applyWrite('SADD', roomId, userId)));
    return added;
  }

  /** Every member's rooms set loses the room (one script each, pipelined), then the room's set goes. */
  async removeAll(roomId: number): Promise<void> {
    const members = await this.durable.members(roomId);
    await this.durable.removeAll(roomId);
    await Promise.all(members.map((userId) => this.applyWrite('SREM', roomId, userId)));
  }

  roleOf(roomId: number, userId: number): Promise<RoomRole | null> {
    return this.durable.roleOf(roomId, userId);
  }

  setRole(roomId: number, userId: number, role: Exclude<RoomRole, 'owner'>): Promise<boolean> {
    return this.durable.setRole(roomId, userId, role);
  }

  claimOwnership(roomId: number, userId: number): Promise<OwnershipClaim> {
    return this.durable.claimOwnership(roomId, userId);
  }

  releaseOwnership(roomId: number, userId: number): Promise<boolean> {
    return this.durable.releaseOwnership(roomId, userId);
  }

  count(roomId: number): Promise<number> {
    return this.durable.count(roomId);
  }

  page(roomId: number, query: RoomMemberPageQuery): Promise<StoredRoomMember[]> {
    return this.durable.page(roomId, query);
  }

  longestStanding(roomId: number, role: RoomRole): Promise<number | null> {
    return this.durable.longestStanding(roomId, role);
  }

  async remove(roomId: number, userId: number): Promise<boolean> {
    const removed = await this.durable.remove(roomId, userId);
    await this.applyWrite('SREM', roomId, userId);
    return removed;
  }

  async isMember(roomId: number, userId: number): Promise<boolean> {
    const keys = this.keys.roomMembers(roomId);
    const flags = await this.tryRedis(() => this.redis.smismember(keys.set, LOADED_SENTINEL, String(userId)));
    if (flags === REDIS_FAILED) return this.durable.isMember(roomId, userId);
    if (flags[0] === 1) return flags[1] === 1;
    const members = await this.rebuild(keys, () => this.durable.members(roomId));
    return members.includes(userId);
  }

  members(roomId: number): Promise<number[]> {
    return this.readSet(this.keys.roomMembers(roomId), () => this.durable.members(roomId));
  }

  roomsOf(userId: number): Promise<number[]> {
    return this.readSet(this.keys.userRooms(userId), () => this.durable.roomsOf(userId));
  }

  private async readSet(keys: CachedSetKeys, loadDurable: () => Promise<number[]>): Promise<number[]> {
    const cached = await this.tryRedis(() => this.redis.smembers(keys.set));
    if (cached === REDIS_FAILED) return loadDurable();
    if (cached.length > 0) return ascendingIds(cached);
    return this.rebuild(keys, loadDurable);
  }

  private async rebuild(keys: CachedSetKeys, loadDurable: () => Promise<number[]>): Promise<number[]> {
    const version = await this.tryRedis(() => this.redis.get(keys.version));
    const ids = await loadDurable();
    if (version !== REDIS_FAILED) {
      await this.tryRedis(() =>
        this.redis.eval(INSTALL_SNAPSHOT_SCRIPT, 2, keys.set, keys.version, version ?? '', this.ttlSeconds, ...ids.map(String)),
      );
    }
    return ids;
  }

  private async applyWrite(command: 'SADD' | 'SREM', roomId: number, userId: number): Promise<void> {
    const room = this.keys.roomMembers(roomId);
    const user = this.keys.userRooms(userId);
    const done = await this.tryRedis(() =>
      this.redis.eval(APPLY_WRITE_SCRIPT, 4, room.set, room.version, user.set, user.version, command, userId, roomId, VERSION_TTL_SECONDS),
    );
    if (done === REDIS_FAILED) for (const keys of [room, user]) this.staleSets.set(keys.set, keys);
  }

  private async tryRedis<T>(command: () => Promise<T>): Promise<T | typeof REDIS_FAILED> {
    try {
      await this.invalidateStaleSets();
      const result = await command();
      this.noteRedisHealthy();
      return result;
    } catch (error) {
      this.noteRedisFailed(error);
      return REDIS_FAILED;
    }
  }

  /** Drops the sets a failed write could not update, bumping their counters so no rebuild in flight installs old data. */
  private async invalidateStaleSets(): Promise<void> {
    if (this.staleSets.size === 0) return;
    const stale = [...this.staleSets.values()];
    const transaction = this.redis.multi();
    for (const keys of stale) transaction.del(keys.set).incr(keys.version).expire(keys.version, VERSION_TTL_SECONDS);
    const results = await transaction.exec();
    if (results === null || results.some(([error]) => error !== null)) throw new Error('Redis refused the invalidation of stale sets');
    for (const keys of stale) this.staleSets.delete(keys.set);
  }

  private noteRedisFailed(error: unknown): void {
    if (this.degraded) return;
    this.degraded = true;
    this.logger.warn({ err: error }, 'Redis unavailable: room membership is served from the durable store until it is back');
  }

  private noteRedisHealthy(): void {
    if (!this.degraded) return;
    this.degraded = false;
    this.logger.info({}, 'Redis available again: room membership is served from the cache');
  }
}

/**
 * Reads a dependency that may be absent. `Object.hasOwn` (not `deps.key`) keeps an awilix
 * cradle, which throws on unregistered names, from failing on an optional one.
 */
const optionalDep = <K extends 'keyPrefix' | 'membershipCacheTtlSeconds'>(deps: Deps, key: K): Deps[K] =>
  Object.hasOwn(deps, key) ? deps[key] : undefined;

const ascendingIds = (members: string[]): number[] =>
  members
    .filter((member) => member !== LOADED_SENTINEL)
    .map(Number)
    .sort((a, b) => a - b);
