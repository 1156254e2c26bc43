/**
 * Slots held at the same time under a key (`ws:user:7`), shared like {@link RateLimiter}'s
 * counters. A slot is a lease: it lapses `leaseMs` after it was taken or last renewed, so
 * slots of a process that died free themselves.
 */
export interface ConcurrencyLimiter {
  /**
   * Takes a slot of `key` for `holder` when fewer than `limit` live slots are held
   * (answers true), else takes nothing (false). Idempotent per holder: taking a slot one
   * already holds renews it. Never throws: a store that cannot answer allows.
   */
  acquire(key: string, holder: string, limit: number, leaseMs: number): Promise<boolean>;

  /** Extends the holder's lease by `leaseMs` from now; no-op when it holds no slot. Never throws. */
  renew(key: string, holder: string, leaseMs: number): Promise<void>;

  /** Frees the holder's slot. Idempotent; never throws. */
  release(key: string, holder: string): Promise<void>;
}
