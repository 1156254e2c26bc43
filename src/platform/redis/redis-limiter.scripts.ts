/** The server's clock in ms: every gateway measures time with the same clock. */
const NOW = `local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)`;

/**
 * GCRA (the same arithmetic as the kernel's gcraStep). KEYS: the key's arrival time.
 * ARGV: limit, periodMs, cost. Returns {1, 0} when spent, {0, retryAfterMs} when not.
 */
export const CONSUME_SCRIPT = `${NOW}
local limit, period, cost = tonumber(ARGV[1]), tonumber(ARGV[2]), tonumber(ARGV[3])
if cost > limit then return {0, period} end
local tat = tonumber(redis.call('GET', KEYS[1]) or now)
if tat < now then tat = now end
local nextTat = tat + cost * (period / limit)
local allowAt = nextTat - period
if allowAt > now then return {0, math.ceil(allowAt - now)} end
redis.call('SET', KEYS[1], string.format('%.3f', nextTat), 'PX', math.max(1, math.ceil(nextTat - now)))
return {1, 0}`;

/**
 * One failure. KEYS: the key's hash {count, until}. ARGV: freeFailures, baseDelayMs,
 * maxDelayMs, forgetAfterMs. Returns {1, 0} while free, {0, delayMs} after.
 */
export const RECORD_FAILURE_SCRIPT = `${NOW}
local free, base, max, forget = tonumber(ARGV[1]), tonumber(ARGV[2]), tonumber(ARGV[3]), tonumber(ARGV[4])
local count = redis.call('HINCRBY', KEYS[1], 'count', 1)
local past = count - free
local delay = 0
if past > 0 then delay = math.min(max, base * 2 ^ math.min(past - 1, 40)) end
redis.call('HSET', KEYS[1], 'until', string.format('%d', now + delay))
redis.call('PEXPIRE', KEYS[1], math.max(forget, delay))
if delay > 0 then return {0, delay} end
return {1, 0}`;

/** KEYS: the key's failure hash. Returns the ms the key stays barred (0: open). */
export const CHECK_BACKOFF_SCRIPT = `${NOW}
local barredUntil = tonumber(redis.call('HGET', KEYS[1], 'until') or 0)
if barredUntil > now then return barredUntil - now end
return 0`;

const EXPIRE_WITH_LAST_LEASE = `local last = redis.call('ZRANGE', KEYS[1], -1, -1, 'WITHSCORES')
if last[2] then redis.call('PEXPIRE', KEYS[1], math.max(1, tonumber(last[2]) - now)) end`;

/**
 * KEYS: the key's sorted set of holders scored by lease end. ARGV: holder, limit, leaseMs.
 * Drops lapsed leases, then takes (or renews) the holder's slot if one is free. Returns 1 or 0.
 */
export const ACQUIRE_SCRIPT = `${NOW}
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now)
if not redis.call('ZSCORE', KEYS[1], ARGV[1]) and redis.call('ZCARD', KEYS[1]) >= tonumber(ARGV[2]) then return 0 end
redis.call('ZADD', KEYS[1], now + tonumber(ARGV[3]), ARGV[1])
${EXPIRE_WITH_LAST_LEASE}
return 1`;

/** KEYS: the holders' set. ARGV: holder, leaseMs. Extends a held lease only. */
export const RENEW_SCRIPT = `${NOW}
redis.call('ZADD', KEYS[1], 'XX', now + tonumber(ARGV[2]), ARGV[1])
${EXPIRE_WITH_LAST_LEASE}
return 1`;

/** Key names under the deployment's prefix: rates, failures and slots live apart. */
export const limiterKeys = (prefix: string) => ({
  rate: (key: string) => `${prefix}limit:rate:${key}`,
  failures: (key: string) => `${prefix}limit:fail:${key}`,
  slots: (key: string) => `${prefix}limit:slots:${key}`,
});
