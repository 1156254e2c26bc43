import { DomainError, isRateLimited, type Clock } from '@chatterroom/kernel';
import { InMemoryRateLimiter } from '@chatterroom/kernel/adapters';
import { AccountLimits } from './account-limits';
import { DEFAULT_LIMITS, type LimitsOptions } from './limits-options';

const wrongPassword = (): Promise<unknown> => Promise.reject(new DomainError('AUTH_INVALID_CREDENTIALS', 'unauthenticated', 'Invalid username or password'));
const signedIn = (): Promise<unknown> => Promise.resolve({ token: 't' });

describe('AccountLimits', () => {
  let now: number;
  const clock: Clock = { now: () => new Date(now) };
  const make = (overrides: Partial<LimitsOptions> = {}) => new AccountLimits(new InMemoryRateLimiter({ clock }), { ...DEFAULT_LIMITS, ...overrides });
  const failure = { freeFailures: 2, baseDelayMs: 1_000, maxDelayMs: 8_000, forgetAfterMs: 3_600_000 };
  const outcome = async (run: Promise<unknown>) => {
    try {
      await run;
      return 'ok';
    } catch (error) {
      return isRateLimited(error) ? `limited ${error.retryAfterMs}` : (error as DomainError).code;
    }
  };

  beforeEach(() => {
    now = 1_700_000_000_000;
  });

  it('makes the next sign-in of an account wait longer after each failure past the free ones', async () => {
    const limits = make({ signInFailuresPerAccount: failure });
    const attempt = (run = wrongPassword) => outcome(limits.signIn('10.0.0.1', 'Alice', run));
    expect(await attempt()).toBe('AUTH_INVALID_CREDENTIALS');
    expect(await attempt()).toBe('AUTH_INVALID_CREDENTIALS');
    expect(await attempt()).toBe('AUTH_INVALID_CREDENTIALS');
    expect(await attempt()).toBe('limited 1000');
    now += 1_000;
    expect(await attempt()).toBe('AUTH_INVALID_CREDENTIALS');
    expect(await attempt(signedIn)).toBe('limited 2000');
    now += 2_000;
    expect(await attempt()).toBe('AUTH_INVALID_CREDENTIALS');
    now += 4_000;
    expect(await attempt()).toBe('AUTH_INVALID_CREDENTIALS');
    expect(await attempt()).toBe('limited 8000');
  });

  it('keys accounts ignoring case, and forgets an account\'s failures on success', async () => {
    const limits = make({ signInFailuresPerAccount: failure });
    for (const name of ['bob', 'BOB', 'Bob']) await outcome(limits.signIn('10.0.0.1', name, wrongPassword));
    expect(await outcome(limits.signIn('10.0.0.1', 'bOb', signedIn))).toBe('limited 1000');
    now += 1_000;
    expect(await outcome(limits.signIn('10.0.0.1', 'bob', signedIn))).toBe('ok');
    for (let i = 0; i < 3; i += 1) expect(await outcome(limits.signIn('10.0.0.1', 'bob', wrongPassword))).toBe('AUTH_INVALID_CREDENTIALS');
  });

  it('bars an address that fails across many accounts, but not other addresses', async () => {
    const limits = make({ signInFailuresPerIp: { ...failure, freeFailures: 3 } });
    for (let i = 0; i < 4; i += 1) await outcome(limits.signIn('10.0.0.9', `user${i}`, wrongPassword));
    expect(await outcome(limits.signIn('10.0.0.9', 'someone-else', signedIn))).toBe('limited 1000');
    expect(await outcome(limits.signIn('10.0.0.10', 'someone-else', signedIn))).toBe('ok');
  });

  it('limits sign-in attempts per account and per address, whatever their outcome', async () => {
    const limits = make({ signInPerAccount: { limit: 2, periodMs: 60_000 }, signInPerIp: { limit: 3, periodMs: 60_000 } });
    expect(await outcome(limits.signIn('10.0.0.1', 'carol', signedIn))).toBe('ok');
    expect(await outcome(limits.signIn('10.0.0.2', 'carol', signedIn))).toBe('ok');
    expect(await outcome(limits.signIn('10.0.0.3', 'carol', signedIn))).toBe('limited 30000');
    expect(await outcome(limits.signIn('10.0.0.4', 'dave', signedIn))).toBe('ok');
    expect(await outcome(limits.signIn('10.0.0.4', 'erin', signedIn))).toBe('ok');
    expect(await outcome(limits.signIn('10.0.0.4', 'frank', signedIn))).toBe('ok');
    expect(await outcome(limits.signIn('10.0.0.4', 'grace', signedIn))).toBe('limited 20000');
  });

  it('limits accounts created per address, and creates nothing when refused', async () => {
    const limits = make({ signUpPerIp: { limit: 2, periodMs: 60_000 } });
    const register = jest.fn(async () => 'created');
    expect(await outcome(limits.signUp('10.0.0.1', register))).toBe('ok');
    expect(await outcome(limits.signUp('10.0.0.1', register))).toBe('ok');
    expect(await outcome(limits.signUp('10.0.0.1', register))).toBe('limited 30000');
    expect(register).toHaveBeenCalledTimes(2);
    expect(await outcome(limits.signUp('10.0.0.2', register))).toBe('ok');
  });
});
