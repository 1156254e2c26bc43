import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import type { Logger } from '@chatterroom/kernel';
import { closeRedis } from '@chatterroom/platform/redis/create-redis';
import { subscribeToChannel } from '@chatterroom/platform/redis/channel-subscriber';
import type { RelayLeadership } from '../../ports';

/** How long a lease lives without renewal: a leader that died is replaced this long after its last renewal at most. */
export const RELAY_LEASE_TTL_MS = 5_000;
/** A leader renews when its last renewal is older than this (the relay polls every second). */
const RENEW_AFTER_MS = RELAY_LEASE_TTL_MS / 3;
/** A process that does not lead asks again after the leader's lease would expire, or this long, whichever is sooner. */
const STANDBY_RECHECK_MAX_MS = 1_000;
const WARN_EVERY_MS = 10_000;

/**
 * Takes the lease when free, renews it when held by `ARGV[1]`; answers {1, 0} when the caller
 * leads, else {0, the leader's remaining milliseconds}. KEYS: lease. ARGV: holder, ttlMs.
 */
const LEAD_SCRIPT = `
local holder = redis.call('GET', KEYS[1])
if holder == false or holder == ARGV[1] then
  redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
  return {1, 0}
end
return {0, redis.call('PTTL', KEYS[1])}`;

/** Deletes the lease if `ARGV[1]` holds it. KEYS: lease. */
const RELEASE_SCRIPT = `
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0`;

/**
 * {@link RelayLeadership} over Redis: a lease `<keyPrefix>chat:relay:lease` naming its holder
 * (its `relayHolder` name, else a random id), taken with SET PX when free and renewed by its holder, and nudges
 * on the pub/sub channel `<keyPrefix>chat:relay:nudge`. Answers are cached between Redis
 * calls (a leader renews every {@link RENEW_AFTER_MS}; a standby asks again when the leader's
 * lease would expire), so a relay kicked per recorded event does not call Redis per event.
 * Redis unreachable or flushed: every process leads until the lease can be read again.
 */
export class RedisRelayLeadership implements RelayLeadership {
  private readonly key: string;
  private readonly channel: string;
  private readonly holder: string;
  /** Until when (epoch ms) the cached answer stands. */
  private answerUntil = 0;
  private leading = false;
  private nudging = false;
  /** A nudge was asked for while one was on its way: it goes once that one is sent (events recorded since may have missed the first). */
  private nudgeAgain = false;
  private lastWarning = 0;
  private subscriber: Redis | undefined;
  private readonly listeners = new Set<() => void>();

  /**
   * `relayHolder` names this process in the lease: one that no other live process can have (the
   * chat service uses its host name and gRPC listen address), so a process restarted in its place
   * takes its lease back at once instead of waiting for it to expire. Left out: a random id.
   */
  constructor(private readonly deps: { redis: Redis; keyPrefix: string; logger: Logger; relayHolder?: string }) {
    this.holder = deps.relayHolder ?? randomUUID();
    this.key = `${deps.keyPrefix}chat:relay:lease`;
    this.channel = `${deps.keyPrefix}chat:relay:nudge`;
  }

  async leads(): Promise<boolean> {
    const now = Date.now();
    if (now < this.answerUntil) return this.leading;
    try {
      const [leads, leaderRemainingMs] = (await this.deps.redis.eval(LEAD_SCRIPT, 1, this.key, this.holder, RELAY_LEASE_TTL_MS)) as [number, number];
      this.leading = leads === 1;
      this.answerUntil = now + (this.leading ? RENEW_AFTER_MS : Math.min(Math.max(leaderRemainingMs, 0), STANDBY_RECHECK_MAX_MS));
    } catch (error) {
      this.warn(error, 'chat event relay: cannot read its lease in Redis; relaying anyway');
      this.leading = true;
      this.answerUntil = 0;
    }
    return this.leading;
  }

  nudgeLeader(): void {
    if (this.nudging) {
      this.nudgeAgain = true;
      return;
    }
    this.nudging = true;
    this.deps.redis
      .publish(this.channel, this.holder)
      .catch((error: unknown) => this.warn(error, 'chat event relay: cannot nudge the leading relay; it will find the events at its next poll'))
      .finally(() => {
        this.nudging = false;
        if (!this.nudgeAgain) return;
        this.nudgeAgain = false;
        this.nudgeLeader();
      });
  }

  async onNudge(listener: () => void): Promise<void> {
    this.listeners.add(listener);
    if (this.subscriber !== undefined) return;
    const { subscriber, subscribed } = subscribeToChannel(this.deps.redis, this.channel, (from) => {
      if (from === this.holder) return;
      for (const notify of this.listeners) notify();
    });
    this.subscriber = subscriber;
    await subscribed;
  }

  async close(): Promise<void> {
    this.answerUntil = Number.POSITIVE_INFINITY;
    const wasLeading = this.leading;
    this.leading = false;
    const released = wasLeading
      ? this.deps.redis.eval(RELEASE_SCRIPT, 1, this.key, this.holder).catch((error: unknown) => {
          this.warn(error, 'chat event relay: could not give its lease up; another relay takes over when it expires');
        })
      : undefined;
    const subscriber = this.subscriber;
    this.subscriber = undefined;
    this.listeners.clear();
    await Promise.all([released, subscriber === undefined ? undefined : closeRedis(subscriber)]);
  }

  private warn(error: unknown, message: string): void {
    const now = Date.now();
    if (now - this.lastWarning < WARN_EVERY_MS) return;
    this.lastWarning = now;
    this.deps.logger.warn({ err: error }, message);
  }
}
