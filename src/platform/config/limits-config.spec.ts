import { DEFAULT_HTTP_TIMEOUTS, DEFAULT_LIMITS } from '@chatterroom/gateway';
import { parseRate, readHttpTimeouts, readLimitsConfig, readTrustProxy } from './limits-config';

describe('limits configuration', () => {
  it('defaults to the gateway\'s documented defaults', () => {
    expect(readLimitsConfig({})).toEqual(DEFAULT_LIMITS);
    expect(readHttpTimeouts({})).toEqual(DEFAULT_HTTP_TIMEOUTS);
    expect(readTrustProxy({})).toBeUndefined();
  });

  it('reads rates as count/period, or off', () => {
    expect(parseRate('X', '120/1m')).toEqual({ limit: 120, periodMs: 60_000 });
    expect(parseRate('X', '5/500ms')).toEqual({ limit: 5, periodMs: 500 });
    expect(parseRate('X', '10/s')).toEqual({ limit: 10, periodMs: 1_000 });
    expect(parseRate('X', '1000 / 1h')).toEqual({ limit: 1_000, periodMs: 3_600_000 });
    expect(parseRate('X', 'off')).toBeNull();
    for (const bad of ['0/1m', '10', '10/0s', '10/1d', '-1/1s', 'ten/1m', '10/9999h']) {
      expect(() => parseRate('RATE_LIMIT_X', bad)).toThrow(/RATE_LIMIT_X/);
    }
  });

  it('reads every variable', () => {
    const config = readLimitsConfig({
      RATE_LIMIT_SIGNIN_PER_ACCOUNT: '3/1m', RATE_LIMIT_SIGNIN_PER_IP: 'off', RATE_LIMIT_SIGNIN_FREE_FAILURES: '1',
      RATE_LIMIT_SIGNIN_FREE_FAILURES_PER_IP: '7', RATE_LIMIT_SIGNIN_BACKOFF_MS: '200', RATE_LIMIT_SIGNIN_BACKOFF_MAX_MS: '800',
      RATE_LIMIT_SIGNIN_FORGET_MS: '60000', RATE_LIMIT_SIGNUP_PER_IP: '2/1h', RATE_LIMIT_MESSAGES_PER_USER: '5/10s',
      RATE_LIMIT_WS_FRAMES_PER_SOCKET: '4/1s', RATE_LIMIT_WS_EXCESS_FRAMES: '6/1s', RATE_LIMIT_WS_CONNECTIONS_PER_USER: '2',
    });
    expect(config).toEqual({
      signInPerAccount: { limit: 3, periodMs: 60_000 },
      signInPerIp: null,
      signInFailuresPerAccount: { freeFailures: 1, baseDelayMs: 200, maxDelayMs: 800, forgetAfterMs: 60_000 },
      signInFailuresPerIp: { freeFailures: 7, baseDelayMs: 200, maxDelayMs: 800, forgetAfterMs: 60_000 },
      signUpPerIp: { limit: 2, periodMs: 3_600_000 },
      messagesPerUser: { limit: 5, periodMs: 10_000 },
      wsFramesPerSocket: { limit: 4, periodMs: 1_000 },
      wsExcessFramesPerSocket: { limit: 6, periodMs: 1_000 },
      wsConnectionsPerUser: 2,
    });
  });

  it('RATE_LIMITS=off lifts every rate limit', () => {
    const config = readLimitsConfig({ RATE_LIMITS: 'off', RATE_LIMIT_MESSAGES_PER_USER: '1/1m' });
    expect(config.messagesPerUser).toBeNull();
    expect(config.signUpPerIp).toBeNull();
    expect(config.wsConnectionsPerUser).toBe(0);
    expect(config.signInFailuresPerAccount.freeFailures).toBe(Number.MAX_SAFE_INTEGER);
  });

  it('refuses a headers timeout above the request timeout, and a malformed TRUST_PROXY', () => {
    expect(() => readHttpTimeouts({ HTTP_HEADERS_TIMEOUT_MS: '5000', HTTP_REQUEST_TIMEOUT_MS: '1000' })).toThrow(/HTTP_HEADERS_TIMEOUT_MS/);
    expect(readTrustProxy({ TRUST_PROXY: 'loopback, 10.0.0.0/8' })).toBe('loopback, 10.0.0.0/8');
    expect(() => readTrustProxy({ TRUST_PROXY: 'x;rm' })).toThrow(/TRUST_PROXY/);
  });
});
