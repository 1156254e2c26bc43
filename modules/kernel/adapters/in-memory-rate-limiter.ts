import { systemClock, type Clock } from '../clock.port';
import {
  ALLOWED,
  backoffDelayMs,
  gcraStep,
  type BackoffPolicy,
  type RateDecision,
  type RateLimiter,
  type RatePolicy,
} from '../limits';

interface Expiring<T> {
  readonly value: T;
  readonly expiresAt: number;
}

interface Failures {
  readonly count: number;
  readonly blockedUntil: number;
}

/** Past this many keys, one sweep drops those that expired. */
const SWEEP_AT = 10_000;

/**
 * {@link RateLimiter} in this process's memory (the monolith): a Map from key to its GCRA
 * arrival time or failure count, each with its expiry; expired entries are swept as keys
 * pile up, so memory stays bounded by the keys active within their periods.
 */
export class InMemoryRateLimiter implements RateLimiter {
  private readonly rates = new Map<string, Expiring<number>>();
  private readonly failures = new Map<string, Expiring<Failures>>();
  private readonly clock: Clock;

  constructor(deps: { clock?: Clock } = {}) {
    this.clock = deps.clock ?? systemClock;
  }

  async consume(key: string, policy: RatePolicy, cost = 1): Promise<RateDecision> {
    const now = this.now();
    const step = gcraStep(live(this.rates, key, now), now, policy, cost);
    if (step.nextTat !== undefined) this.put(this.rates, key, step.nextTat, step.nextTat, now);
    return step.decision;
  }

  async checkBackoff(key: string): Promise<RateDecision> {
    const now = this.now();
    const state = live(this.failures, key, now);
    return state !== undefined && state.blockedUntil > now ? { allowed: false, retryAfterMs: state.blockedUntil - now } : ALLOWED;
  }

  async recordFailure(key: string, policy: BackoffPolicy): Promise<RateDecision> {
    const now = this.now();
    const count = (live(this.failures, key, now)?.count ?? 0) + 1;
    const delay = backoffDelayMs(count, policy);
    this.put(this.failures, key, { count, blockedUntil: now + delay }, now + Math.max(policy.forgetAfterMs, delay), now);
    return delay > 0 ? { allowed: false, retryAfterMs: delay } : ALLOWED;
  }

  async resetBackoff(key: string): Promise<void> {
    this.failures.delete(key);
  }

  private now(): number {
    return this.clock.now().getTime();
  }

  private put<T>(map: Map<string, Expiring<T>>, key: string, value: T, expiresAt: number, now: number): void {
    if (map.size >= SWEEP_AT && !map.has(key)) sweep(map, now);
    map.set(key, { value, expiresAt });
  }
}

const live = <T>(map: Map<string, Expiring<T>>, key: string, now: number): T | undefined => {
  const entry = map.get(key);
  if (entry === undefined) return undefined;
  if (entry.expiresAt <= now) {
    map.delete(key);
    return undefined;
  }
  return entry.value;
};

const sweep = <T>(map: Map<string, Expiring<T>>, now: number): void => {
  for (const [key, entry] of map) if (entry.expiresAt <= now) map.delete(key);
};
