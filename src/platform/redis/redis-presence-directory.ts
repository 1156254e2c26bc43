import type { Redis } from 'ioredis';
import { PRESENCE_TTL_MS, type PresenceDirectory, type PresenceState } from '@chatterroom/kernel';

/** KEYS[1] marks; ARGV now, expiry, gatewayId. Returns how many live marks there were before. */
const CONNECT = `
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', ARGV[1])
local before = redis.call('ZCARD', KEYS[1])
redis.call('ZADD', KEYS[1], ARGV[2], ARGV[3])
redis.call('PEXPIRE', KEYS[1], ARGV[4])
return before`;

/** KEYS[1] marks, KEYS[2] last seen; ARGV now, gatewayId, seen ttl. Returns 1 when no live mark is left. */
const DISCONNECT = `
redis.call('ZREM', KEYS[1], ARGV[2])
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', ARGV[1])
if redis.call('ZCARD', KEYS[1]) > 0 then return 0 end
redis.call('SET', KEYS[2], ARGV[1], 'PX', ARGV[3])
return 1`;

/** How long a last-seen time is kept. */
const LAST_SEEN_TTL_MS = 90 * 24 * 3600 * 1000;

/**
 * {@link PresenceDirectory} in Redis, shared by every gateway: per user a sorted set of the
 * gateways holding a mark (score = the mark's expiry, so a dead gateway's marks lapse by
 * themselves), a last-seen time, and a `watched` flag with a TTL. Connect and disconnect are
 * one Lua script each (atomic across gateways); reads and renewals are pipelined.
 */
export class RedisPresenceDirectory implements PresenceDirectory {
  constructor(private readonly deps: { redis: Redis; keyPrefix: string; ttlMs?: number }) {}

  /** How long a mark (and a watch) lasts without renewal. */
  private get ttlMs(): number {
    return this.deps.ttlMs ?? PRESENCE_TTL_MS;
  }

  async connected(userId: number, gatewayId: string, at: Date): Promise<boolean> {
    const now = at.getTime();
    const before = await this.deps.redis.eval(CONNECT, 1, this.marksKey(userId), now, now + this.ttlMs, gatewayId, this.ttlMs * 2);
    return Number(before) === 0;
  }

  async disconnected(userId: number, gatewayId: string, at: Date): Promise<boolean> {
    const now = at.getTime();
    const gone = await this.deps.redis.eval(DISCONNECT, 2, this.marksKey(userId), this.seenKey(userId), now, gatewayId, LAST_SEEN_TTL_MS);
    return Number(gone) === 1;
  }

  async heartbeat(gatewayId: string, userIds: readonly number[], at: Date): Promise<void> {
    if (userIds.length === 0) return;
    const pipeline = this.deps.redis.pipeline();
    for (const userId of userIds) {
      pipeline.zadd(this.marksKey(userId), at.getTime() + this.ttlMs, gatewayId);
      pipeline.pexpire(this.marksKey(userId), this.ttlMs * 2);
    }
    await pipeline.exec();
  }

  async statesOf(userIds: readonly number[], at: Date): Promise<PresenceState[]> {
    if (userIds.length === 0) return [];
    const pipeline = this.deps.redis.pipeline();
    for (const userId of userIds) {
      pipeline.zrange(this.marksKey(userId), -1, -1, 'WITHSCORES');
      pipeline.get(this.seenKey(userId));
    }
    const answers = ((await pipeline.exec()) ?? []).map(([error, value]) => (error === null ? value : null));
    const now = at.getTime();
    return userIds.map((userId, index) => {
      const newest = (answers[index * 2] as string[] | null) ?? [];
      const expiry = newest.length === 2 ? Number(newest[1]) : 0;
      if (expiry > now) return { userId, status: 'online' };
      const seen = Math.max(Number(answers[index * 2 + 1] ?? 0), expiry > 0 ? expiry - this.ttlMs : 0);
      return seen > 0 ? { userId, status: 'offline', lastSeenAt: new Date(seen).toISOString() } : { userId, status: 'offline' };
    });
  }

  async watch(userIds: readonly number[]): Promise<void> {
    if (userIds.length === 0) return;
    const pipeline = this.deps.redis.pipeline();
    for (const userId of userIds) pipeline.set(this.watchedKey(userId), '1', 'PX', this.ttlMs);
    await pipeline.exec();
  }

  async isWatched(userId: number): Promise<boolean> {
    return (await this.deps.redis.exists(this.watchedKey(userId))) === 1;
  }

  private marksKey(userId: number): string {
    return `${this.deps.keyPrefix}presence:marks:${userId}`;
  }

  private seenKey(userId: number): string {
    return `${this.deps.keyPrefix}presence:seen:${userId}`;
  }

  private watchedKey(userId: number): string {
    return `${this.deps.keyPrefix}presence:watched:${userId}`;
  }
}
