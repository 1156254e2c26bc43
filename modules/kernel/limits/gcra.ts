import type { RateDecision, RatePolicy } from './rate-limiter.port';

/** What a GCRA key remembers: the theoretical arrival time of the next unit, in ms. */
export interface GcraStep {
  readonly decision: RateDecision;
  /** The key's new theoretical arrival time, when the units were spent. */
  readonly nextTat?: number;
}

/**
 * One step of the generic cell rate algorithm: with `tat` the key's stored theoretical
 * arrival time (undefined for a new key) and `now` in ms, spends `cost` units when
 * `policy` allows. Pure: the caller stores `nextTat` (until it passes) when given.
 * The Redis adapter runs the same arithmetic in Lua.
 */
export const gcraStep = (tat: number | undefined, now: number, policy: RatePolicy, cost: number): GcraStep => {
  if (cost > policy.limit) return { decision: { allowed: false, retryAfterMs: policy.periodMs } };
  const interval = policy.periodMs / policy.limit;
  const nextTat = Math.max(tat ?? now, now) + cost * interval;
  const allowAt = nextTat - policy.periodMs;
  if (allowAt > now) return { decision: { allowed: false, retryAfterMs: Math.ceil(allowAt - now) } };
  return { decision: { allowed: true }, nextTat };
};

/** The delay one more failure brings: none while free, then doubling up to the cap. */
export const backoffDelayMs = (failures: number, policy: { freeFailures: number; baseDelayMs: number; maxDelayMs: number }): number => {
  const past = failures - policy.freeFailures;
  if (past <= 0) return 0;
  return Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.min(past - 1, 40));
};
