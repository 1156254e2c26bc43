import { generateKeyPair, SignJWT } from 'jose';
import WebSocket from 'ws';
import {
  anonymous, ChatSocket, eventually, expectError, gateway, newRegistration, newUsers, sendPrivate, system, uniqueText,
  type HttpClient, type Json, type TestUser,
} from '@chatterroom/test/harness/system';
import { errorCodes, graphqlOf, graphqlWsUrl, GraphqlSubscriber, subscriberOf, untilDelivering } from '@chatterroom/test/harness/graphql';

/** A fresh user signed in on gateway `index`: the whole authenticate answer. */
const signUp = async (index = 0) => {
  const client = anonymous(index);
  const registration = newRegistration('sess');
  const created = await client.post('/users/create', registration);
  const signIn = async (on = index) =>
    (await anonymous(on).post('/users/authenticate', { username: registration.username, password: registration.password })).body as {
      token: string; refreshToken: string; expiresIn: number; sessionId: string;
    };
  return { userId: created.body.userId as number, registration, first: await signIn(), signIn };
};

const asUser = (token: string, index = 0): HttpClient => anonymous(index).withToken(token);
const lastGateway = () => system().gateways.length - 1;
const ROOMS_QUERY = 'subscription { messageAdded { messageId } }';

const headerOf = (token: string): Json => JSON.parse(Buffer.from(token.split('.')[0]!, 'base64url').toString());
const claimsOf = (token: string): Json => JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString());

/** Tokens no user service signed: an Ed25519 key of the test's own. */
const forger = async () => {
  const { privateKey } = await generateKeyPair('EdDSA', { crv: 'Ed25519', extractable: true });
  return (header: Json, claims: Json) => new SignJWT(claims).setProtectedHeader({ alg: 'EdDSA', ...header }).sign(privateKey);
};

describe('POST /users/authenticate', () => {
  it('answers {token, refreshToken, expiresIn, sessionId}: an EdDSA token with kid, sub, sid, iat, nbf, exp', async () => {
    const { userId, first } = await signUp();
    expect(first).toEqual({ token: expect.any(String), refreshToken: expect.any(String), expiresIn: 900, sessionId: expect.any(String) });
    expect(headerOf(first.token)).toMatchObject({ alg: 'EdDSA', kid: expect.any(String) });
    const claims = claimsOf(first.token);
    expect(claims).toMatchObject({ sub: String(userId), sid: first.sessionId });
    expect(claims.exp - claims.iat).toBe(900);
    expect(claims.nbf).toBe(claims.iat);
  });
});

describe('GET /.well-known/jwks.json', () => {
  it('publishes the public key of every token, and no private part', async () => {
    const { first } = await signUp();
    for (const index of [0, lastGateway()]) {
      const response = await anonymous(index).get('/.well-known/jwks.json');
      expect(response.status).toBe(200);
      expect(response.body.keys.map((key: Json) => key.kid)).toContain(headerOf(first.token).kid);
      for (const key of response.body.keys) expect(Object.keys(key).sort()).toEqual(['alg', 'crv', 'kid', 'kty', 'use', 'x']);
    }
  });
});

describe('POST /users/refresh', () => {
  it('rotates the refresh token; the new access token works on every gateway', async () => {
    const { userId, first } = await signUp();
    const refreshed = await anonymous(lastGateway()).post('/users/refresh', { refreshToken: first.refreshToken });
    expect(refreshed.status).toBe(200);
    expect(refreshed.body).toEqual({ token: expect.any(String), refreshToken: expect.any(String), expiresIn: 900, sessionId: first.sessionId });
    expect(refreshed.body.refreshToken).not.toBe(first.refreshToken);
    for (const index of [0, lastGateway()]) {
      expect((await asUser(refreshed.body.token, index).get(`/users/${userId}`)).status).toBe(200);
    }
  });

  it('revokes the whole session when a used refresh token comes back', async () => {
    const { userId, first } = await signUp();
    const second = (await anonymous(0).post('/users/refresh', { refreshToken: first.refreshToken })).body;
    expectError(await anonymous(lastGateway()).post('/users/refresh', { refreshToken: first.refreshToken }), 401, 'AUTH_REFRESH_TOKEN_REUSED');
    expectError(await anonymous(0).post('/users/refresh', { refreshToken: second.refreshToken }), 401, 'AUTH_INVALID_REFRESH_TOKEN');
    for (const index of [0, lastGateway()]) {
      await eventually(async () => expectError(await asUser(second.token, index).get(`/users/${userId}`), 401, 'AUTH_INVALID_TOKEN'));
    }
  });

  it('refuses an unknown refresh token with 401, and a body without one with 400', async () => {
    expectError(await anonymous().post('/users/refresh', { refreshToken: 'not-a-refresh-token' }), 401, 'AUTH_INVALID_REFRESH_TOKEN');
    expectError(await anonymous().post('/users/refresh', {}), 400, 'VALIDATION_FAILED');
  });
});

describe('POST /users/logout', () => {
  it('ends the session on every gateway: HTTP, /ws/chat (4401) and GraphQL subscriptions (4403) there', async () => {
    const { userId, first } = await signUp(0);
    const other = lastGateway();
    const socket = await ChatSocket.connect(gateway(other).wsUrl, { token: first.token });
    const subscriber = subscriberOf(gateway(other).httpUrl, first.token);
    const subscription = subscriber.subscribe(ROOMS_QUERY);
    await subscriber.acknowledged();
    await eventually(async () => expect((await asUser(first.token, other).get(`/users/${userId}`)).status).toBe(200));

    const loggedOut = await asUser(first.token, 0).post('/users/logout');
    expect(loggedOut.status).toBe(200);
    expect(loggedOut.body).toEqual({ loggedOut: true });

    await eventually(async () => expectError(await asUser(first.token, other).get(`/users/${userId}`), 401, 'AUTH_INVALID_TOKEN'));
    expect(await socket.closed).toEqual({ code: 4401, reason: 'Session revoked' });
    expect(await subscription.ending()).toEqual({ kind: 'closed', code: 4403, reason: 'Session revoked' });
    expect(await ChatSocket.rejectedStatus(gateway(other).wsUrl, { token: first.token })).toBe(401);
    const gql = await graphqlOf(gateway(other).httpUrl, first.token).request('{ me { userId } }');
    expect(errorCodes(gql)).toEqual(['AUTH_INVALID_TOKEN']);
    expectError(await anonymous(other).post('/users/refresh', { refreshToken: first.refreshToken }), 401, 'AUTH_INVALID_REFRESH_TOKEN');
  });

  it('leaves the user’s other sessions alone', async () => {
    const { userId, first, signIn } = await signUp(0);
    const second = await signIn(lastGateway());
    await asUser(first.token, 0).post('/users/logout');
    for (const index of [0, lastGateway()]) expect((await asUser(second.token, index).get(`/users/${userId}`)).status).toBe(200);
  });
});

describe('GET /users/me/sessions and DELETE /users/me/sessions/{sessionId}', () => {
  it('lists the live sessions with the current one marked, and ends another one', async () => {
    const { userId, first, signIn } = await signUp(0);
    const second = await signIn(lastGateway());
    const listed = await asUser(second.token, lastGateway()).get('/users/me/sessions');
    expect(listed.status).toBe(200);
    expect(listed.body).toEqual([
      { sessionId: second.sessionId, createdAt: expect.any(String), lastUsedAt: expect.any(String), userAgent: 'node', ip: expect.any(String), current: true },
      { sessionId: first.sessionId, createdAt: expect.any(String), lastUsedAt: expect.any(String), userAgent: 'node', ip: expect.any(String), current: false },
    ]);
    const revoked = await asUser(second.token, lastGateway()).send({ method: 'DELETE', path: `/users/me/sessions/${first.sessionId}` });
    expect({ status: revoked.status, body: revoked.body }).toEqual({ status: 200, body: { sessionId: first.sessionId, revoked: true } });
    await eventually(async () => expectError(await asUser(first.token, 0).get(`/users/${userId}`), 401, 'AUTH_INVALID_TOKEN'));
    expect((await asUser(second.token, 0).get('/users/me/sessions')).body.map((session: Json) => session.sessionId)).toEqual([second.sessionId]);
  });

  it("answers 404 for someone else's session and leaves it alive", async () => {
    const victim = await signUp(0);
    const stranger = await signUp(lastGateway());
    const attempt = await asUser(stranger.first.token, lastGateway()).send({ method: 'DELETE', path: `/users/me/sessions/${victim.first.sessionId}` });
    expectError(attempt, 404, 'USERS_SESSION_NOT_FOUND');
    expect((await asUser(victim.first.token, 0).get(`/users/${victim.userId}`)).status).toBe(200);
  });
});

describe('refused tokens', () => {
  const cases = async (userId: number, sessionId: string) => {
    const forge = await forger();
    const now = Math.floor(Date.now() / 1000);
    const realKid = headerOf((await signUp()).first.token).kid;
    const claims = { sub: String(userId), sid: sessionId, iat: now, nbf: now, exp: now + 600 };
    return {
      'a foreign kid': await forge({ kid: 'not-a-key-of-ours' }, claims),
      'a forged signature under a real kid': await forge({ kid: realKid }, claims),
      'alg none': `${Buffer.from(JSON.stringify({ alg: 'none', kid: realKid })).toString('base64url')}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.`,
      'garbage': 'not.a.token',
    };
  };

  it('refuses forged tokens over HTTP, /ws/chat, GraphQL and its subscriptions, on every gateway', async () => {
    const { userId, first } = await signUp();
    for (const [label, token] of Object.entries(await cases(userId, first.sessionId))) {
      for (const index of [0, lastGateway()]) {
        const response = await asUser(token, index).get(`/users/${userId}`);
        expect({ label, status: response.status, code: response.body.code }).toEqual({ label, status: 401, code: 'AUTH_INVALID_TOKEN' });
        expect({ label, status: await ChatSocket.rejectedStatus(gateway(index).wsUrl, { token }) }).toEqual({ label, status: 401 });
        const gql = await graphqlOf(gateway(index).httpUrl, token).request('{ me { userId } }');
        expect({ label, codes: errorCodes(gql) }).toEqual({ label, codes: ['AUTH_INVALID_TOKEN'] });
        const ending = await subscriberOf(gateway(index).httpUrl, token).subscribe(ROOMS_QUERY).ending();
        expect({ label, ending }).toEqual({ label, ending: { kind: 'closed', code: 4403, reason: 'Forbidden' } });
      }
    }
  });
});

describe('POST /ws/ticket', () => {
  it('issues a 30 s single-use ticket: it opens one /ws/chat socket, on any gateway, once', async () => {
    const { userId, first } = await signUp(0);
    const issued = await asUser(first.token, 0).post('/ws/ticket');
    expect(issued.status).toBe(200);
    expect(issued.body).toEqual({ ticket: expect.any(String), expiresIn: 30 });
    const url = (index: number) => `${gateway(index).wsUrl}?ticket=${encodeURIComponent(issued.body.ticket)}`;
    const socket = await ChatSocket.connect(url(lastGateway()));
    expect(socket.ready).toEqual({ type: 'ready', userId, cursor: expect.any(String) });
    expect(await ChatSocket.rejectedStatus(url(0))).toBe(401);
    expect(await ChatSocket.rejectedStatus(url(lastGateway()))).toBe(401);
  });

  it('runs the frames of a socket opened with a ticket as its user (split: with a token of its session, forwarded to the services)', async () => {
    const { userId, first } = await signUp(0);
    const { ticket } = (await asUser(first.token, 0).post('/ws/ticket')).body;
    const socket = await ChatSocket.connect(`${gateway(lastGateway()).wsUrl}?ticket=${encodeURIComponent(ticket)}`);
    const name = `ticket-${Date.now().toString(36)}`;
    const created = await socket.request({ type: 'room.create', name });
    expect(created).toMatchObject({ type: 'ack', result: { name } });
    const room = await asUser(first.token, 0).get(`/rooms/${created.result.roomId}`);
    expect(room.body.members).toEqual([userId]);
  });

  it('opens a GraphQL subscription with connection_init {ticket}, once', async () => {
    const { first } = await signUp(0);
    const { ticket } = (await asUser(first.token, 0).post('/ws/ticket')).body;
    const url = graphqlWsUrl(gateway(lastGateway()).httpUrl);
    const opened = new WebSocket(url, 'graphql-transport-ws');
    const acked = await new Promise<Json>((resolve, reject) => {
      opened.once('open', () => opened.send(JSON.stringify({ type: 'connection_init', payload: { ticket } })));
      opened.once('message', (data) => resolve(JSON.parse(data.toString())));
      opened.once('error', reject);
    });
    expect(acked.type).toBe('connection_ack');
    opened.close();
    const again = await new GraphqlSubscriber(url, { ticket }).subscribe(ROOMS_QUERY).ending();
    expect(again).toEqual({ kind: 'closed', code: 4403, reason: 'Forbidden' });
  });

  it('resolves the events of a GraphQL subscription opened with a ticket as its user (split: sender lookups carry a token of its session)', async () => {
    const [alice, bob] = (await newUsers(2)) as [TestUser, TestUser];
    const { ticket } = (await asUser(bob.token, 0).post('/ws/ticket')).body;
    const bobs = new GraphqlSubscriber(graphqlWsUrl(gateway(lastGateway()).httpUrl), { ticket }).subscribe(
      'subscription { messageAdded { message sender { username } } }',
    );
    const probe = await untilDelivering(bobs, async () => (await sendPrivate(alice, bob, uniqueText('ticket'))).message);
    expect(probe.errors).toBeUndefined();
    expect(probe.data).toEqual({ messageAdded: { message: expect.any(String), sender: { username: alice.username } } });
    await GraphqlSubscriber.closeAll();
  });

  it('needs an access token', async () => {
    expectError(await anonymous().post('/ws/ticket'), 401, 'AUTH_MISSING_TOKEN');
  });
});

describe('GraphQL sessions', () => {
  it('refreshSession, sessions, revokeSession and logout', async () => {
    const { first, signIn } = await signUp(0);
    const second = await signIn(0);
    const anonymousGql = graphqlOf(gateway(lastGateway()).httpUrl);
    const refreshed = await anonymousGql.data('mutation($r: String!) { refreshSession(refreshToken: $r) { token refreshToken expiresIn sessionId } }', {
      r: first.refreshToken,
    });
    expect(refreshed.refreshSession).toMatchObject({ sessionId: first.sessionId, expiresIn: 900 });
    const mine = graphqlOf(gateway(lastGateway()).httpUrl, refreshed.refreshSession.token);
    const listed = await mine.data('{ sessions { sessionId current } }');
    expect(listed.sessions).toEqual([
      { sessionId: second.sessionId, current: false },
      { sessionId: first.sessionId, current: true },
    ]);
    expect(await mine.data('mutation($s: String!) { revokeSession(sessionId: $s) { sessionId revoked } }', { s: second.sessionId })).toEqual({
      revokeSession: { sessionId: second.sessionId, revoked: true },
    });
    expect(await mine.data('mutation { logout }')).toEqual({ logout: true });
    await eventually(async () => expect(errorCodes(await mine.request('{ me { userId } }'))).toEqual(['AUTH_INVALID_TOKEN']));
  });
});
