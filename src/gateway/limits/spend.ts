import { RateLimitedError, type RateLimiter, type RatePolicy } from '@chatterroom/kernel';

/** Spends one unit of `key`, or throws RATE_LIMITED saying `what` was limited; a null policy spends nothing. */
export const spendOrThrow = async (limiter: RateLimiter, key: string, policy: RatePolicy | null, what: string): Promise<void> => {
  if (policy === null) return;
  const decision = await limiter.consume(key, policy);
  if (!decision.allowed) throw new RateLimitedError(decision.retryAfterMs, what);
};
