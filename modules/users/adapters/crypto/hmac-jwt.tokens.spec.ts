import { createHmac } from 'node:crypto';
import type { Clock } from '../../../kernel';
import { HmacJwtTokens } from './hmac-jwt.tokens';

const SECRET = 'a-test-secret-that-is-long-enough-0123456789';
const T0 = new Date('2024-05-01T12:00:00.000Z');

const settableClock = (start: Date) => {
  let current = start;
  const clock: Clock = { now: () => current };
  return { clock, set: (date: Date) => (current = date) };
};

const segment = (value: unknown): string => Buffer.from(JSON.stringify(value)).toString('base64url');
const signWith = (algorithm: string, input: string, secret = SECRET): string =>
  createHmac(algorithm, secret).update(input).digest('base64url');

/** Builds a token by hand, signed with HMAC-`algorithm` (sha256 by default). */
const craft = (header: unknown, claims: unknown, options: { algorithm?: string; secret?: string } = {}): string => {
  const input = `${segment(header)}.${segment(claims)}`;
  return `${input}.${signWith(options.algorithm ?? 'sha256', input, options.secret)}`;
};

const validClaims = (overrides: object = {}) => {
  const iat = Math.floor(T0.getTime() / 1000);
  return { sub: '42', iat, exp: iat + 3600, ...overrides };
};

describe('HmacJwtTokens', () => {
  const setup = (ttlSeconds = 3600) => {
    const time = settableClock(T0);
    return { ...time, tokens: new HmacJwtTokens({ jwtSecret: SECRET, jwtTtlSeconds: ttlSeconds, clock: time.clock }) };
  };

  const expectInvalid = async (tokens: HmacJwtTokens, token: string, reason: string) => {
    await expect(tokens.verify(token)).rejects.toMatchObject({
      code: 'AUTH_INVALID_TOKEN',
      kind: 'unauthenticated',
      message: expect.stringContaining(reason),
    });
  };

  it('issues an HS256 JWT with sub, iat and exp, which it verifies', async () => {
    const { tokens } = setup(600);
    const token = await tokens.issue(42);
    const [header, claims] = token.split('.').slice(0, 2).map((part) => JSON.parse(Buffer.from(part, 'base64url').toString()) as unknown);
    const iat = T0.getTime() / 1000;
    expect(header).toEqual({ alg: 'HS256', typ: 'JWT' });
    expect(claims).toEqual({ sub: '42', iat, exp: iat + 600 });
    await expect(tokens.verify(token)).resolves.toEqual({ userId: 42 });
  });

  it('accepts a token crafted with the same secret (standard HS256)', async () => {
    const { tokens } = setup();
    await expect(tokens.verify(craft({ alg: 'HS256', typ: 'JWT' }, validClaims({ sub: '2147483647' })))).resolves.toEqual({ userId: 2147483647 });
  });

  it('refuses a token whose signature was tampered with', async () => {
    const { tokens } = setup();
    const [header, claims, signature] = (await tokens.issue(7)).split('.') as [string, string, string];
    const flipped = `${signature.slice(0, 10)}${signature[10] === 'A' ? 'B' : 'A'}${signature.slice(11)}`;
    await expectInvalid(tokens, `${header}.${claims}.${flipped}`, 'bad signature');
    await expectInvalid(tokens, `${header}.${claims}.${signature.slice(0, -1)}`, 'bad signature');
  });

  it('refuses claims changed after signing', async () => {
    const { tokens } = setup();
    const [header, , signature] = (await tokens.issue(7)).split('.') as [string, string, string];
    await expectInvalid(tokens, `${header}.${segment(validClaims({ sub: '8' }))}.${signature}`, 'bad signature');
  });

  it('refuses a token signed with another secret', async () => {
    const { tokens } = setup();
    await expectInvalid(tokens, craft({ alg: 'HS256', typ: 'JWT' }, validClaims(), { secret: 'another-secret' }), 'bad signature');
  });

  it('refuses alg none, with or without a signature', async () => {
    const { tokens } = setup();
    const unsigned = `${segment({ alg: 'none', typ: 'JWT' })}.${segment(validClaims())}`;
    await expectInvalid(tokens, `${unsigned}.`, 'malformed');
    await expectInvalid(tokens, craft({ alg: 'none', typ: 'JWT' }, validClaims()), 'unsupported algorithm');
  });

  it('refuses a header naming HS512, even when correctly signed with HS512', async () => {
    const { tokens } = setup();
    await expectInvalid(tokens, craft({ alg: 'HS512', typ: 'JWT' }, validClaims(), { algorithm: 'sha512' }), 'unsupported algorithm');
    await expectInvalid(tokens, craft({ typ: 'JWT' }, validClaims()), 'unsupported algorithm');
  });

  it('refuses a token at and after its expiry, and accepts it the second before', async () => {
    const { tokens, set } = setup(60);
    const token = await tokens.issue(5);
    set(new Date(T0.getTime() + 59_999));
    await expect(tokens.verify(token)).resolves.toEqual({ userId: 5 });
    set(new Date(T0.getTime() + 60_000));
    await expectInvalid(tokens, token, 'expired');
    set(new Date(T0.getTime() + 86_400_000));
    await expectInvalid(tokens, token, 'expired');
  });

  it.each([
    ['a missing exp', { sub: '1', iat: 1 }, 'no expiry'],
    ['a string exp', validClaims({ exp: '9999999999' }), 'no expiry'],
    ['sub 0', validClaims({ sub: '0' }), 'bad subject'],
    ['sub with a leading zero', validClaims({ sub: '012' }), 'bad subject'],
    ['sub beyond int32', validClaims({ sub: '2147483648' }), 'bad subject'],
    ['a numeric sub', validClaims({ sub: 42 }), 'bad subject'],
    ['a negative sub', validClaims({ sub: '-3' }), 'bad subject'],
    ['no sub', validClaims({ sub: undefined }), 'bad subject'],
  ])('refuses correctly signed claims with %s', async (_case, claims, reason) => {
    const { tokens } = setup();
    await expectInvalid(tokens, craft({ alg: 'HS256', typ: 'JWT' }, claims), reason);
  });

  it.each([
    ['an empty string', ''],
    ['one segment', 'garbage'],
    ['two segments', 'abc.def'],
    ['four segments', 'a.b.c.d'],
    ['characters outside base64url', 'ab+c.def/.ghi='],
    ['padding', `${segment({ alg: 'HS256' })}==.e30.sig`],
    ['a header that is not JSON', `${Buffer.from('{not json').toString('base64url')}.e30.c2ln`],
    ['a header that is a JSON array', `${segment(['HS256'])}.e30.c2ln`],
    ['a header that is JSON null', `${segment(null)}.e30.c2ln`],
  ])('refuses %s as malformed', async (_case, token) => {
    const { tokens } = setup();
    await expectInvalid(tokens, token, 'malformed');
  });

  it('refuses claims that are not a JSON object, even when signed', async () => {
    const { tokens } = setup();
    const header = segment({ alg: 'HS256', typ: 'JWT' });
    const claims = Buffer.from('not json').toString('base64url');
    await expectInvalid(tokens, `${header}.${claims}.${signWith('sha256', `${header}.${claims}`)}`, 'malformed claims');
  });

  it('refuses something that is not a string', async () => {
    const { tokens } = setup();
    await expect(tokens.verify(undefined as never)).rejects.toMatchObject({ code: 'AUTH_INVALID_TOKEN' });
  });
});
