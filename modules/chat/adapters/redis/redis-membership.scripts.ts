/**
 * The member every loaded set holds, so "loaded" is simply "the key exists" (Redis
 * deletes empty sets) and an expiry or eviction drops the set and its mark together.
 */
export const LOADED_SENTINEL = '_';

/** The cached set and its write counter; a rebuild installs only if the counter did not move. */
export interface CachedSetKeys {
  readonly set: string;
  readonly version: string;
}

export const membershipKeys = (prefix: string) => ({
  roomMembers: (roomId: number): CachedSetKeys => withVersion(`${prefix}room:${roomId}:members`),
  userRooms: (userId: number): CachedSetKeys => withVersion(`${prefix}user:${userId}:rooms`),
});

const withVersion = (set: string): CachedSetKeys => ({ set, version: `${set}:version` });

/**
 * After a durable write: bumps both sets' counters (so a racing rebuild gives up) and
 * applies SADD/SREM only to sets already loaded (a missing set is loaded on the next read).
 * KEYS: roomSet, roomVersion, userSet, userVersion. ARGV: SADD|SREM, userId, roomId, versionTtl.
 */
export const APPLY_WRITE_SCRIPT = `
local function apply(set, version, member)
  redis.call('INCR', version)
  redis.call('EXPIRE', version, ARGV[4])
  if redis.call('EXISTS', set) == 1 then redis.call(ARGV[1], set, member) end
end
apply(KEYS[1], KEYS[2], ARGV[2])
apply(KEYS[3], KEYS[4], ARGV[3])
return 1`;

/**
 * Replaces a set with a durable snapshot, sentinel included, unless a write bumped the
 * counter since the snapshot's counter was read. Returns 1 when installed, 0 when it gave up.
 * KEYS: set, version. ARGV: expectedVersion ('' when none), ttlSeconds, members...
 */
export const INSTALL_SNAPSHOT_SCRIPT = `
if (redis.call('GET', KEYS[2]) or '') ~= ARGV[1] then return 0 end
redis.call('DEL', KEYS[1])
redis.call('SADD', KEYS[1], '${LOADED_SENTINEL}')
for i = 3, #ARGV, 1000 do
  redis.call('SADD', KEYS[1], unpack(ARGV, i, math.min(i + 999, #ARGV)))
end
redis.call('EXPIRE', KEYS[1], ARGV[2])
return 1`;
