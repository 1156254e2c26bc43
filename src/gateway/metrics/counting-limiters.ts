import type { BackoffPolicy, ConcurrencyLimiter, RateDecision, RateLimiter, RatePolicy } from '@chatterroom/kernel';
import { rateLimitRefusals } from './gateway-metrics';

/** The limit a key belongs to: its first segment (`messages:user:7` -> `messages`). */
const limitOf = (key: string): string => key.split(':', 1)[0] ?? 'unknown';

const counted = (key: string, decision: RateDecision): RateDecision => {
  if (!decision.allowed) rateLimitRefusals.inc({ limit: limitOf(key) });
  return decision;
};

/** A {@link RateLimiter} that counts each refusal in `chatterroom_rate_limit_refusals_total`. */
export class CountingRateLimiter implements RateLimiter {
  constructor(private readonly inner: RateLimiter) {}

  async consume(key: string, policy: RatePolicy, cost?: number): Promise<RateDecision> {
    return counted(key, await this.inner.consume(key, policy, cost));
  }

  async checkBackoff(key: string): Promise<RateDecision> {
    return counted(key, await this.inner.checkBackoff(key));
  }

  recordFailure(key: string, policy: BackoffPolicy): Promise<RateDecision> {
    return this.inner.recordFailure(key, policy);
  }

  resetBackoff(key: string): Promise<void> {
    return this.inner.resetBackoff(key);
  }
}

/** A {@link ConcurrencyLimiter} that counts each refused slot (a connection over the per-user cap). */
export class CountingConcurrencyLimiter implements ConcurrencyLimiter {
  constructor(private readonly inner: ConcurrencyLimiter) {}

  async acquire(key: string, holder: string, limit: number, leaseMs: number): Promise<boolean> {
    const acquired = await this.inner.acquire(key, holder, limit, leaseMs);
    if (!acquired) rateLimitRefusals.inc({ limit: limitOf(key) });
    return acquired;
  }

  renew(key: string, holder: string, leaseMs: number): Promise<void> {
    return this.inner.renew(key, holder, leaseMs);
  }

  release(key: string, holder: string): Promise<void> {
    return this.inner.release(key, holder);
  }
}
