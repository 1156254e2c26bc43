import { WebSocket } from 'ws';
import { graphqlWsUrl } from '@chatterroom/test/harness/graphql';
import {
  ALLOWED_TEST_ORIGIN,
  ChatSocket,
  FOREIGN_TEST_ORIGIN,
  anonymous,
  createRoom,
  expectError,
  gateway,
  newRegistration,
  newUser,
  newUsers,
  sendPrivate,
  sendToRoom,
  uniqueText,
  type TestUser,
} from '@chatterroom/test/harness/system';

const expectValidationNaming = (response: { status: number; body: { message?: string } }, ...names: string[]) => {
  expectError(response as never, 400, 'VALIDATION_FAILED');
  for (const name of names) expect(response.body.message).toContain(name);
};

describe('a strict edge: unknown query parameters and body fields are refused', () => {
  let alice: TestUser;
  let bob: TestUser;
  let roomId: number;

  beforeAll(async () => {
    const users = await newUsers(2);
    alice = users[0]!;
    bob = users[1]!;
    roomId = await createRoom(alice);
    await sendToRoom(alice, roomId);
    await sendPrivate(alice, bob);
  });

  const queries: Record<string, () => string> = {
    'GET /users/{userId}?expand=': () => `/users/${bob.userId}?expand=email`,
    'GET /chats/private/{recipientId}/history?since=': () => `/chats/private/${bob.userId}/history?since=x`,
    'GET /chats/room/{roomId}/history?order=': () => `/chats/room/${roomId}/history?order=desc`,
    'GET /sync?from=': () => '/sync?from=x',
    'GET /rooms?all=': () => '/rooms?all=true',
    'GET /rooms/{roomId}?members=': () => `/rooms/${roomId}?members=full`,
    'GET /health?verbose=': () => '/health?verbose=1',
  };

  it.each(Object.keys(queries))('%s answers 400 naming the parameter', async (label) => {
    const name = /[?&](\w+)=/.exec(label)?.[1] ?? '';
    expectValidationNaming(await alice.http.get(queries[label]!()), name);
  });

  it('answers ?after= naming no message of the conversation with 400 CHAT_INVALID_CURSOR instead of the newest page', async () => {
    expectError(await alice.http.get(`/chats/room/${roomId}/history?after=anything`), 400, 'CHAT_INVALID_CURSOR');
  });

  it('refuses a join naming another user, and joins nobody', async () => {
    const carol = await newUser();
    const response = await alice.http.post(`/rooms/${await createRoom(alice)}/join`, { userId: carol.userId });
    expectValidationNaming(response, 'userId');
    expect((await carol.http.get('/rooms')).body).toEqual([]);
    const other = await createRoom(bob);
    expectValidationNaming(await carol.http.post(`/rooms/${other}/join`, { userId: bob.userId }), 'userId');
    expectError(await carol.http.get(`/rooms/${other}`), 403, 'CHAT_NOT_A_ROOM_MEMBER');
  });

  const bodies: Record<string, () => { path: string; body: object; unknown: string }> = {
    'POST /users/create': () => ({ path: '/users/create', body: { ...newRegistration(), role: 'admin' }, unknown: 'role' }),
    'POST /users/authenticate': () => ({
      path: '/users/authenticate',
      body: { username: alice.username, password: alice.password, remember: true },
      unknown: 'remember',
    }),
    'POST /chats/private/{recipientId}': () => ({
      path: `/chats/private/${bob.userId}`,
      body: { message: uniqueText(), senderId: bob.userId },
      unknown: 'senderId',
    }),
    'POST /chats/room/{roomId}': () => ({ path: `/chats/room/${roomId}`, body: { message: uniqueText(), userId: bob.userId }, unknown: 'userId' }),
    'POST /rooms/create': () => ({ path: '/rooms/create', body: { name: uniqueText('room'), ownerId: bob.userId }, unknown: 'ownerId' }),
    'POST /rooms/{roomId}/leave': () => ({ path: `/rooms/${roomId}/leave`, body: { force: true }, unknown: 'force' }),
  };

  it.each(Object.keys(bodies))('%s with an unknown body field answers 400 naming it and changes nothing', async (label) => {
    const { path, body, unknown } = bodies[label]!();
    const historyBefore = (await alice.http.get(`/chats/room/${roomId}/history`)).body;
    expectValidationNaming(await alice.http.post(path, body), unknown);
    expect((await alice.http.get(`/chats/room/${roomId}/history`)).body).toEqual(historyBefore);
    expect((await alice.http.get(`/rooms/${roomId}`)).status).toBe(200);
  });

  it('GraphQL: an unknown member of the request answers 400 VALIDATION_FAILED naming it', async () => {
    const post = await alice.http.post('/graphql', { query: '{ me { userId } }', variables: {}, debug: true });
    expect(post.status).toBe(400);
    expect(post.body.errors).toEqual([expect.objectContaining({ message: expect.stringContaining('debug'), extensions: { code: 'VALIDATION_FAILED' } })]);
    const get = await alice.http.get(`/graphql?query=${encodeURIComponent('{ me { userId } }')}&trace=1`);
    expect(get.status).toBe(400);
    expect(get.body.errors[0]).toMatchObject({ message: expect.stringContaining('trace'), extensions: { code: 'VALIDATION_FAILED' } });
  });

  it('names every unknown field of one body', async () => {
    const response = await alice.http.post(`/chats/private/${bob.userId}`, { message: 'hi', to: 3, from: 4 });
    expectValidationNaming(response, 'to', 'from');
  });

  it('keeps answering a well-formed request, with every field the contract promises', async () => {
    const sent = await sendPrivate(alice, bob, 'kept fields', { clientMessageId: uniqueText('c') });
    expect(Object.keys(sent).sort()).toEqual(['clientMessageId', 'message', 'messageId', 'recipientId', 'senderId', 'seq', 'timestamp']);
    const own = await alice.http.get(`/users/${alice.userId}`);
    expect(Object.keys(own.body).sort()).toEqual(['email', 'presence', 'userId', 'username']);
  });
});

describe('security headers', () => {
  it.each(['/health', '/rooms', '/nowhere'])('come with every answer, here GET %s', async (path) => {
    const user = await newUser();
    const { headers } = await user.http.get(path);
    expect(headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(headers.get('x-content-type-options')).toBe('nosniff');
    expect(headers.get('x-frame-options')).toBe('DENY');
    expect(headers.get('referrer-policy')).toBe('no-referrer');
    expect(headers.get('strict-transport-security')).toMatch(/max-age=\d+/);
    expect(headers.get('x-powered-by')).toBeNull();
  });
});

describe('browser origins (CORS_ORIGINS)', () => {
  const preflight = (origin: string, method = 'POST') =>
    anonymous(1).send({
      method: 'OPTIONS',
      path: '/rooms/create',
      headers: { origin, 'access-control-request-method': method, 'access-control-request-headers': 'authorization,content-type' },
    });

  it('allows a preflight from a configured origin', async () => {
    const response = await preflight(ALLOWED_TEST_ORIGIN);
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-origin')).toBe(ALLOWED_TEST_ORIGIN);
    expect(response.headers.get('access-control-allow-methods')).toContain('POST');
    expect(response.headers.get('access-control-allow-headers')?.toLowerCase()).toContain('authorization');
  });

  it('refuses a preflight from another origin with 403 ORIGIN_NOT_ALLOWED and no CORS headers', async () => {
    const response = await preflight(FOREIGN_TEST_ORIGIN);
    expectError(response, 403, 'ORIGIN_NOT_ALLOWED');
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('answers a configured origin with CORS headers, and refuses a request from another', async () => {
    const user = await newUser();
    const allowed = await user.http.get('/rooms', { origin: ALLOWED_TEST_ORIGIN });
    expect(allowed.status).toBe(200);
    expect(allowed.headers.get('access-control-allow-origin')).toBe(ALLOWED_TEST_ORIGIN);
    const foreign = await user.http.post('/rooms/create', { name: 'from elsewhere' }, { origin: FOREIGN_TEST_ORIGIN });
    expectError(foreign, 403, 'ORIGIN_NOT_ALLOWED');
    expect((await user.http.get('/rooms')).body).toEqual([]);
  });

  it("allows the gateway's own origin (a web client it serves)", async () => {
    const user = await newUser();
    const own = new URL(gateway(user.gatewayIndex).httpUrl).origin;
    expect((await user.http.get('/rooms', { origin: own })).status).toBe(200);
  });

  it('refuses a /ws/chat upgrade from a foreign origin with 403 ORIGIN_NOT_ALLOWED, even with a valid token', async () => {
    const user = await newUser();
    const refused = await ChatSocket.rejection(gateway(user.gatewayIndex).wsUrl, { token: user.token, origin: FOREIGN_TEST_ORIGIN });
    expect(refused).toEqual({ status: 403, body: expect.objectContaining({ statusCode: 403, code: 'ORIGIN_NOT_ALLOWED' }) });
  });

  it('opens /ws/chat for a configured origin and for a client sending no Origin', async () => {
    const user = await newUser();
    const browser = await user.ws({ origin: ALLOWED_TEST_ORIGIN });
    expect(browser.ready).toMatchObject({ type: 'ready', userId: user.userId });
    const native = await user.ws();
    expect(native.ready).toMatchObject({ type: 'ready', userId: user.userId });
  });

  it('refuses the GraphQL subscription socket from a foreign origin with 403', async () => {
    const status = await new Promise<number>((resolve, reject) => {
      const socket = new WebSocket(graphqlWsUrl(gateway(0).httpUrl), 'graphql-transport-ws', { origin: FOREIGN_TEST_ORIGIN });
      socket.once('unexpected-response', (_request, response) => {
        resolve(response.statusCode ?? 0);
        response.resume();
        socket.terminate();
      });
      socket.once('open', () => {
        socket.close();
        reject(new Error('the GraphQL WebSocket upgrade was accepted'));
      });
      socket.once('error', reject);
    });
    expect(status).toBe(403);
  });
});

describe('the OpenAPI document', () => {
  it('is served at /openapi.json without a token and lists every HTTP route', async () => {
    const response = await anonymous(0).get('/openapi.json');
    expect(response.status).toBe(200);
    expect(response.body.openapi).toMatch(/^3\./);
    expect(Object.keys(response.body.paths)).toEqual(
      expect.arrayContaining([
        '/users/create', '/users/authenticate', '/users/{userId}', '/chats/private/{recipientId}',
        '/chats/private/{recipientId}/history', '/rooms/create', '/rooms/{roomId}/join', '/rooms/{roomId}/leave',
        '/rooms', '/rooms/{roomId}', '/chats/room/{roomId}', '/chats/room/{roomId}/history', '/health',
      ]),
    );
  });
});
