import { isDomainError, RateLimitedError, type RateLimiter } from '@chatterroom/kernel';
import type { LimitsOptions } from './limits-options';
import { spendOrThrow } from './spend';

const INVALID_CREDENTIALS = 'AUTH_INVALID_CREDENTIALS';

/** The account a sign-in names, as a key: usernames are unique ignoring case (and at most 32 characters). */
const accountKey = (username: unknown): string =>
  `signin:account:${typeof username === 'string' ? username.trim().toLowerCase().slice(0, 64) : ''}`;

/**
 * Sign-up and sign-in limits, the same for HTTP and GraphQL: accounts created per address;
 * sign-in attempts per address and per account; and growing delays after failed
 * sign-ins, per account and per address (a failure still answers 401; attempts during
 * the delay answer RATE_LIMITED; a success forgets the account's failures).
 */
export class AccountLimits {
  constructor(
    private readonly limiter: RateLimiter,
    private readonly options: LimitsOptions,
  ) {}

  async signUp<T>(clientIp: string, register: () => Promise<T>): Promise<T> {
    await spendOrThrow(this.limiter, `signup:ip:${clientIp}`, this.options.signUpPerIp, 'Too many accounts created from this address');
    return register();
  }

  async signIn<T>(clientIp: string, username: unknown, authenticate: () => Promise<T>): Promise<T> {
    const account = accountKey(username);
    const address = `signin:ip:${clientIp}`;
    await this.refuseWhileBarred(account, 'Too many failed sign-ins for this account');
    await this.refuseWhileBarred(address, 'Too many failed sign-ins from this address');
    await spendOrThrow(this.limiter, address, this.options.signInPerIp, 'Too many sign-ins from this address');
    await spendOrThrow(this.limiter, account, this.options.signInPerAccount, 'Too many sign-ins for this account');
    try {
      const result = await authenticate();
      await this.limiter.resetBackoff(account);
      return result;
    } catch (error) {
      if (isDomainError(error) && error.code === INVALID_CREDENTIALS) {
        await Promise.all([
          this.limiter.recordFailure(account, this.options.signInFailuresPerAccount),
          this.limiter.recordFailure(address, this.options.signInFailuresPerIp),
        ]);
      }
      throw error;
    }
  }

  private async refuseWhileBarred(key: string, what: string): Promise<void> {
    const decision = await this.limiter.checkBackoff(key);
    if (!decision.allowed) throw new RateLimitedError(decision.retryAfterMs, what);
  }
}
