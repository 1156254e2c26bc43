import { ChatSocket, eventually, expectError, HttpClient, newUserOn, type Json, type TestUser } from '@chatterroom/test/harness/system';
import { errorCodes, graphqlOf, subscriberOf, withText } from '@chatterroom/test/harness/graphql';
import { startOwnTarget } from '@chatterroom/test/harness/system/own-target';
import type { RunningTarget } from '@chatterroom/test/harness/system/targets/running-target';

/** Seconds: short enough to wait for, long enough for a rotation to happen within a token's life. */
const ACCESS_TOKEN_TTL_SECONDS = 15;
const SIGNING_KEY_ROTATION_SECONDS = 5;
const LONG_WAIT = { timeoutMs: 40_000, intervalMs: 250 };

const expiryOf = (token: string): number => (JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString()) as { exp: number }).exp * 1000;
const kidOf = (token: string): string => (JSON.parse(Buffer.from(token.split('.')[0]!, 'base64url').toString()) as { kid: string }).kid;
const untilPast = (time: number) => eventually(() => expect(Date.now()).toBeGreaterThan(time), LONG_WAIT);

describe('tokens that end (a target with 15 s access tokens and signing keys rotating every 5 s)', () => {
  jest.setTimeout(120_000);
  let target: RunningTarget;
  const gateways = () => target.endpoints.gateways;
  const last = () => gateways()[gateways().length - 1]!;

  beforeAll(async () => {
    target = await startOwnTarget({
      ACCESS_TOKEN_TTL_SECONDS: String(ACCESS_TOKEN_TTL_SECONDS),
      SIGNING_KEY_ROTATION_SECONDS: String(SIGNING_KEY_ROTATION_SECONDS),
      TOKEN_CLOCK_TOLERANCE_SECONDS: '0',
    });
  });

  afterAll(async () => {
    await target?.stop();
  });

  const signIn = async (user: TestUser, index = 0) =>
    (await new HttpClient(gateways()[index]!.httpUrl).post('/users/authenticate', { username: user.username, password: user.password })).body as Json;

  it('closes a /ws/chat socket with 4401 when its token expires, and then refuses the token everywhere', async () => {
    const user = await newUserOn(target.endpoints, 0);
    const socket = await ChatSocket.connect(last().wsUrl, { token: user.token });
    expect(await Promise.race([socket.closed, untilPast(expiryOf(user.token) + 10_000).then(() => 'still open')])).toEqual({
      code: 4401,
      reason: 'Token expired',
    });
    for (const gateway of gateways()) {
      expectError(await new HttpClient(gateway.httpUrl, user.token).get(`/users/${user.userId}`), 401, 'AUTH_INVALID_TOKEN');
      expect(await ChatSocket.rejectedStatus(gateway.wsUrl, { token: user.token })).toBe(401);
      expect(errorCodes(await graphqlOf(gateway.httpUrl, user.token).request('{ me { userId } }'))).toEqual(['AUTH_INVALID_TOKEN']);
    }
  });

  it('keeps a socket open past its first token when an auth frame brings a fresh one, until that one expires', async () => {
    const user = await newUserOn(target.endpoints, 0);
    const socket = await ChatSocket.connect(last().wsUrl, { token: user.token });
    const session = await signIn(user);
    await untilPast(expiryOf(user.token) - 4_000);
    const refreshed = (await new HttpClient(gateways()[0]!.httpUrl).post('/users/refresh', { refreshToken: session.refreshToken })).body;
    const mismatch = await socket.request({ type: 'auth', token: (await signIn(await newUserOn(target.endpoints, 0))).token });
    expect(mismatch).toMatchObject({ type: 'error', code: 'AUTH_USER_MISMATCH' });
    const ack = await socket.request({ type: 'auth', token: refreshed.token });
    expect(ack).toMatchObject({ type: 'ack', result: { expiresAt: new Date(expiryOf(refreshed.token)).toISOString() } });
    await untilPast(expiryOf(user.token) + 1_000);
    expect(await socket.request({ type: 'ping' })).toMatchObject({ type: 'pong' });
    // the socket's calls now carry the fresh token (split: to the chat service, which refuses the expired first one)
    expect(await socket.request({ type: 'room.create', name: `renewed-${Date.now().toString(36)}` })).toMatchObject({ type: 'ack' });
    expect(await socket.closed).toEqual({ code: 4401, reason: 'Token expired' });
  });

  it('closes a GraphQL subscription socket with 4401 when its token expires', async () => {
    const user = await newUserOn(target.endpoints, 0);
    const subscription = subscriberOf(last().httpUrl, user.token).subscribe('subscription { messageAdded { messageId } }');
    expect(await subscription.ending(40_000)).toEqual({ kind: 'closed', code: 4401, reason: 'Token expired' });
  });

  it('keeps a GraphQL subscription socket open past its first token when renewSocketToken brings a fresh one, until that one expires', async () => {
    const user = await newUserOn(target.endpoints, 0);
    const friend = await newUserOn(target.endpoints, 0);
    const session = await signIn(user);
    const subscriber = subscriberOf(last().httpUrl, session.token);
    const subscription = subscriber.subscribe('subscription { messageAdded { message } }');
    const renew = (token: string) => subscriber.subscribe('mutation ($t: String!) { renewSocketToken(token: $t) { expiresAt } }', { t: token }).next();
    await untilPast(expiryOf(session.token) - 4_000);
    const refreshed = (await new HttpClient(gateways()[0]!.httpUrl).post('/users/refresh', { refreshToken: session.refreshToken })).body;
    const mismatch = await renew((await signIn(friend)).token);
    expect(mismatch.errors?.map((error: Json) => error.extensions?.code)).toEqual(['AUTH_USER_MISMATCH']);
    expect((await renew(refreshed.token)).data).toEqual({ renewSocketToken: { expiresAt: new Date(expiryOf(refreshed.token)).toISOString() } });
    await untilPast(expiryOf(session.token) + 1_000);
    const text = `after the first token ${Date.now().toString(36)}`;
    const friendNow = new HttpClient(gateways()[0]!.httpUrl, (await signIn(friend)).token);
    expect((await friendNow.post(`/chats/private/${user.userId}`, { message: text })).status).toBe(201);
    expect((await subscription.next(withText(text), 10_000)).data).toEqual({ messageAdded: { message: text } });
    expect(await subscription.ending(40_000)).toEqual({ kind: 'closed', code: 4401, reason: 'Token expired' });
  });

  it('rotates signing keys without refusing a token of the retired key', async () => {
    const user = await newUserOn(target.endpoints, 0);
    const old = await signIn(user);
    const fresh = await eventually(async () => {
      const next = await signIn(user);
      expect(kidOf(next.token)).not.toBe(kidOf(old.token));
      return next;
    }, LONG_WAIT);
    expect(Date.now()).toBeLessThan(expiryOf(old.token));
    for (const gateway of gateways()) {
      expect((await new HttpClient(gateway.httpUrl, old.token).get(`/users/${user.userId}`)).status).toBe(200);
      expect((await new HttpClient(gateway.httpUrl, fresh.token).get(`/users/${user.userId}`)).status).toBe(200);
      const jwks = (await new HttpClient(gateway.httpUrl).get('/.well-known/jwks.json')).body;
      expect(jwks.keys.map((key: Json) => key.kid)).toEqual(expect.arrayContaining([kidOf(old.token), kidOf(fresh.token)]));
    }
  });
});
