import { DomainError } from '../domain-error';

/** A limit was reached: try again after `retryAfterMs` (HTTP 429 with Retry-After). */
export class RateLimitedError extends DomainError {
  constructor(
    readonly retryAfterMs: number,
    message = 'Too many requests: slow down',
  ) {
    super('RATE_LIMITED', 'rate-limited', `${message} (retry in ${Math.max(1, Math.ceil(retryAfterMs / 1000))} s)`);
    this.name = 'RateLimitedError';
  }
}

export const isRateLimited = (error: unknown): error is RateLimitedError => error instanceof RateLimitedError;
