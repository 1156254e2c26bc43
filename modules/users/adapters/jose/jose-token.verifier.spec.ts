import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import { DomainError, type Clock } from '@chatterroom/kernel';
import { InMemoryEventBus } from '@chatterroom/kernel/adapters';
import { silentLogger } from '@chatterroom/kernel';
import { makeInProcessUsers } from '@chatterroom/test/contract/ports/users/in-process-users';
import { JoseTokenVerifier } from './jose-token.verifier';
import { JwksKeyCache } from './jwks-key-cache';

/** A clock the test moves. */
const movableClock = (start = Date.UTC(2030, 0, 1)) => {
  let now = start;
  const clock: Clock = { now: () => new Date(now) };
  return { clock, move: (seconds: number) => (now += seconds * 1000), set: (ms: number) => (now = ms), get: () => now };
};

const reasonOf = async (promise: Promise<unknown>): Promise<string> => {
  const error = await promise.then(
    () => undefined,
    (failure: unknown) => failure,
  );
  if (!(error instanceof DomainError)) throw new Error(`expected a DomainError, got ${String(error)}`);
  expect(error.code).toBe('AUTH_INVALID_TOKEN');
  return error.message;
};

describe('JoseTokenVerifier', () => {
  const setUp = async () => {
    const time = movableClock();
    const eventBus = new InMemoryEventBus({ logger: silentLogger });
    const users = makeInProcessUsers({ eventBus, clock: time.clock, accessTokenTtlSeconds: 900, tokenClockToleranceSeconds: 5 });
    const user = await users.usersService.register({ username: `v${Date.now()}`, email: `v${Date.now()}@example.test`, password: 'long enough' });
    const signedIn = await users.usersService.authenticate({ username: user.username, password: 'long enough' });
    return { time, users, user, signedIn, close: () => eventBus.close() };
  };

  it('accepts a token until its expiry plus the tolerance, then refuses it as expired', async () => {
    const { time, users, user, signedIn, close } = await setUp();
    time.move(900 + 4);
    await expect(users.tokenVerifier.verify(signedIn.token)).resolves.toMatchObject({ userId: user.userId });
    time.move(2);
    expect(await reasonOf(users.tokenVerifier.verify(signedIn.token))).toMatch(/expired/);
    await close();
  });

  it('refuses a token before its nbf (beyond the tolerance) as not yet valid', async () => {
    const { time, users, signedIn, close } = await setUp();
    time.move(-4);
    await expect(users.tokenVerifier.verify(signedIn.token)).resolves.toBeDefined();
    time.move(-60);
    expect(await reasonOf(users.tokenVerifier.verify(signedIn.token))).toMatch(/not yet valid/);
    await close();
  });

  it('refuses a token signed by a key the users module does not publish, or with another algorithm', async () => {
    const { time, users, user, signedIn, close } = await setUp();
    const { privateKey } = await generateKeyPair('EdDSA', { crv: 'Ed25519', extractable: true });
    const now = time.get() / 1000;
    const claims = { sub: String(user.userId), sid: signedIn.sessionId, iat: now, nbf: now, exp: now + 60 };
    const foreign = await new SignJWT(claims).setProtectedHeader({ alg: 'EdDSA', kid: 'foreign' }).sign(privateKey);
    expect(await reasonOf(users.tokenVerifier.verify(foreign))).toMatch(/unknown signing key/);
    const kid = (await users.keyRing.getJwks()).keys[0]!.kid;
    const forged = await new SignJWT(claims).setProtectedHeader({ alg: 'EdDSA', kid }).sign(privateKey);
    expect(await reasonOf(users.tokenVerifier.verify(forged))).toMatch(/bad signature/);
    const hmacKey = new TextEncoder().encode(JSON.stringify(await exportJWK(privateKey)));
    const hs256 = await new SignJWT(claims).setProtectedHeader({ alg: 'HS256', kid }).sign(hmacKey);
    expect(await reasonOf(users.tokenVerifier.verify(hs256))).toMatch(/algorithm/);
    await close();
  });

  it('refuses a token whose session was revoked or never existed (a restart with other storage)', async () => {
    const { users, user, signedIn, close } = await setUp();
    await users.sessionsService.revokeSession({ userId: user.userId, sessionId: signedIn.sessionId });
    expect(await reasonOf(users.tokenVerifier.verify(signedIn.token))).toMatch(/session/);
    // well signed, but naming a session nobody opened (a fixed key with storage that forgot its sessions)
    const { token } = await users.tokenIssuer.issue({ userId: user.userId, sessionId: 'AAAAAAAAAAAAAAAAAAAAAA' });
    expect(await reasonOf(users.tokenVerifier.verify(token))).toMatch(/session/);
    await close();
  });

  it('keeps tokens of a retired key valid after a rotation; the new key signs', async () => {
    const { time, users, user, signedIn, close } = await setUp();
    const oldKid = (await users.keyRing.getJwks()).keys[0]!.kid;
    time.move(60);
    const newKid = await users.keyRing.rotateNow();
    expect(newKid).not.toBe(oldKid);
    await expect(users.tokenVerifier.verify(signedIn.token)).resolves.toMatchObject({ userId: user.userId });
    const next = await users.sessionsService.refresh({ refreshToken: signedIn.refreshToken });
    expect(JSON.parse(Buffer.from(next.token.split('.')[0]!, 'base64url').toString()).kid).toBe(newKid);
    expect((await users.keyRing.getJwks()).keys.map((key) => key.kid)).toEqual([newKid, oldKid]);
    time.move(900 + 5 + 61);
    await users.keyRing.rotateIfDue();
    expect((await users.keyRing.getJwks()).keys.map((key) => key.kid)).toEqual([newKid]);
    await close();
  });

  describe('a token verified lately', () => {
    /** The same users, with a verifier whose key look-ups (one per signature check) are counted. */
    const countingVerifier = async () => {
      const setup = await setUp();
      const keys = new JwksKeyCache({ jwksProvider: setup.users.keyRing });
      let signatureChecks = 0;
      const counting = { keyFor: (kid: string) => ((signatureChecks += 1), keys.keyFor(kid)) } as unknown as JwksKeyCache;
      const verifier = new JoseTokenVerifier({ jwksKeyCache: counting, sessionStatus: setup.users.sessionsService, clock: setup.time.clock, tokenClockToleranceSeconds: 5 });
      return { ...setup, verifier, signatureChecks: () => signatureChecks };
    };

    it('is not checked for its signature again within a minute, then is', async () => {
      const { time, user, signedIn, verifier, signatureChecks, close } = await countingVerifier();
      const first = await verifier.verify(signedIn.token);
      time.move(59);
      await expect(verifier.verify(signedIn.token)).resolves.toEqual(first);
      expect(signatureChecks()).toBe(1);
      time.move(2);
      await expect(verifier.verify(signedIn.token)).resolves.toMatchObject({ userId: user.userId });
      expect(signatureChecks()).toBe(2);
      await close();
    });

    it('is still refused once expired, and once its session is revoked', async () => {
      const { time, users, user, signedIn, verifier, close } = await countingVerifier();
      time.move(900 - 30);
      await verifier.verify(signedIn.token);
      time.move(30 + 5);
      expect(await reasonOf(verifier.verify(signedIn.token))).toMatch(/expired/);
      const again = await users.usersService.authenticate({ username: user.username, password: 'long enough' });
      await verifier.verify(again.token);
      await users.sessionsService.revokeSession({ userId: user.userId, sessionId: again.sessionId });
      expect(await reasonOf(verifier.verify(again.token))).toMatch(/session/);
      await close();
    });

    it('does not vouch for another text: a token altered after one was verified is checked in full', async () => {
      const { signedIn, verifier, signatureChecks, close } = await countingVerifier();
      await verifier.verify(signedIn.token);
      const [header, payload, signature] = signedIn.token.split('.') as [string, string, string];
      const claims = JSON.parse(Buffer.from(payload, 'base64url').toString()) as Record<string, unknown>;
      const altered = `${header}.${Buffer.from(JSON.stringify({ ...claims, sub: '2' })).toString('base64url')}.${signature}`;
      expect(await reasonOf(verifier.verify(altered))).toMatch(/bad signature/);
      expect(signatureChecks()).toBe(2);
      await close();
    });
  });
});

