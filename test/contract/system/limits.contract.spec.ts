import { connect } from 'node:net';
import {
  ChatSocket, eventually, expectError, startOwnTarget, uniqueSuffix, uniqueUsername, type HttpResponse, type Json,
} from '@chatterroom/test/harness/system';
import { errorCodes, graphqlOf } from '@chatterroom/test/harness/graphql';
import type { RunningTarget } from '@chatterroom/test/harness/system/targets/running-target';

/**
 * Each abuse limit reached and answered as documented, on a target of this file's own with
 * low limits (the shared target keeps the generous defaults). The target trusts X-Forwarded-For
 * from loopback, so each test acts from client addresses of its own. In the split deployment
 * the steps alternate gateways: a limit reached through one holds on the other.
 */
const LOW_LIMITS = {
  TRUST_PROXY: 'loopback',
  RATE_LIMIT_SIGNIN_PER_ACCOUNT: '10/1h',
  RATE_LIMIT_SIGNIN_PER_IP: '8/1h',
  RATE_LIMIT_SIGNIN_FREE_FAILURES: '2',
  RATE_LIMIT_SIGNIN_FREE_FAILURES_PER_IP: '1000',
  RATE_LIMIT_SIGNIN_BACKOFF_MS: '60000',
  RATE_LIMIT_SIGNUP_PER_IP: '3/1h',
  RATE_LIMIT_MESSAGES_PER_USER: '5/1h',
  RATE_LIMIT_WS_FRAMES_PER_SOCKET: '5/1h',
  RATE_LIMIT_WS_EXCESS_FRAMES: '5/1h',
  RATE_LIMIT_WS_CONNECTIONS_PER_USER: '2',
  HTTP_HEADERS_TIMEOUT_MS: '1000',
  HTTP_REQUEST_TIMEOUT_MS: '2000',
  HTTP_IDLE_TIMEOUT_MS: '3000',
};

let target: RunningTarget;
let addressCounter = 0;

/** A client address no other test uses (sent as X-Forwarded-For). */
const newAddress = (): string => {
  addressCounter += 1;
  return `10.${process.pid % 250}.${Math.floor(addressCounter / 250)}.${addressCounter % 250}`;
};

const gatewayAt = (index: number) => target.endpoints.gateways[index % target.endpoints.gateways.length]!;

const call = async (index: number, method: string, path: string, options: { body?: unknown; token?: string; ip: string }): Promise<HttpResponse> => {
  const response = await fetch(`${gatewayAt(index).httpUrl}${path}`, {
    method,
    headers: {
      'x-forwarded-for': options.ip,
      ...(options.body === undefined ? {} : { 'content-type': 'application/json' }),
      ...(options.token === undefined ? {} : { authorization: `Bearer ${options.token}` }),
    },
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
    signal: AbortSignal.timeout(15_000),
  });
  const text = await response.text();
  return { status: response.status, body: text === '' ? text : (JSON.parse(text) as Json), headers: response.headers };
};

const signIn = (index: number, username: string, password: string, ip = newAddress()) =>
  call(index, 'POST', '/users/authenticate', { body: { username, password }, ip });

interface LimitedUser {
  readonly userId: number;
  readonly username: string;
  readonly password: string;
  readonly token: string;
}

/** A fresh user, signed up and signed in from an address of its own. */
const newLimitedUser = async (index = 0): Promise<LimitedUser> => {
  const ip = newAddress();
  const username = uniqueUsername('lim');
  const password = `pw-${uniqueSuffix()}-secret`;
  const created = await call(index, 'POST', '/users/create', { body: { username, email: `${username.toLowerCase()}@example.test`, password }, ip });
  if (created.status !== 201) throw new Error(`sign-up answered ${created.status} ${JSON.stringify(created.body)}`);
  const signedIn = await signIn(index, username, password, ip);
  if (signedIn.status !== 200) throw new Error(`sign-in answered ${signedIn.status} ${JSON.stringify(signedIn.body)}`);
  return { userId: created.body.userId, username, password, token: signedIn.body.token };
};

const expectRateLimited = (response: HttpResponse): void => {
  expectError(response, 429, 'RATE_LIMITED');
  expect(Number(response.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
};

const socketOf = (user: LimitedUser, index: number) => ChatSocket.connect(gatewayAt(index).wsUrl, { token: user.token });

beforeAll(async () => {
  target = await startOwnTarget(LOW_LIMITS);
}, 120_000);

afterAll(async () => {
  await ChatSocket.closeAll();
  await target?.stop();
});

describe('sign-in limits', () => {
  it('failed sign-ins past the free ones make the account wait (429 with Retry-After, even with the right password), on every gateway and API', async () => {
    const [victim, bystander] = [await newLimitedUser(0), await newLimitedUser(1)];
    for (let attempt = 0; attempt < 3; attempt += 1) {
      expectError(await signIn(attempt, victim.username, 'wrong password!'), 401, 'AUTH_INVALID_CREDENTIALS');
    }
    const barred = await signIn(1, victim.username.toUpperCase(), victim.password);
    expectRateLimited(barred);
    expect(Number(barred.headers.get('retry-after'))).toBeGreaterThan(30);
    const overGraphql = await graphqlOf(gatewayAt(0).httpUrl).request(
      'mutation($u: String!, $p: String!) { authenticate(username: $u, password: $p) { token } }',
      { u: victim.username, p: victim.password },
    );
    expect(errorCodes(overGraphql)).toEqual(['RATE_LIMITED']);
    expect(overGraphql.body.errors?.[0].extensions.retryAfterMs).toBeGreaterThan(0);
    expect((await signIn(0, bystander.username, bystander.password)).status).toBe(200);
  });

  it('a successful sign-in forgets the account\'s failures', async () => {
    const user = await newLimitedUser(0);
    for (let round = 0; round < 2; round += 1) {
      expectError(await signIn(0, user.username, 'wrong password!'), 401, 'AUTH_INVALID_CREDENTIALS');
      expectError(await signIn(1, user.username, 'wrong password!'), 401, 'AUTH_INVALID_CREDENTIALS');
      expect((await signIn(round, user.username, user.password)).status).toBe(200);
    }
  });

  it('limits sign-in attempts per account whatever the address', async () => {
    const user = await newLimitedUser(0);
    for (let attempt = 1; attempt < 10; attempt += 1) expect((await signIn(attempt, user.username, user.password)).status).toBe(200);
    expectRateLimited(await signIn(0, user.username, user.password));
  });

  it('limits sign-in attempts per address across accounts, leaving other addresses alone', async () => {
    const user = await newLimitedUser(0);
    const address = newAddress();
    for (let attempt = 0; attempt < 8; attempt += 1) {
      expectError(await signIn(attempt, uniqueUsername('nobody'), 'wrong password!', address), 401, 'AUTH_INVALID_CREDENTIALS');
    }
    expectRateLimited(await signIn(1, user.username, user.password, address));
    expect((await signIn(0, user.username, user.password)).status).toBe(200);
  });
});

describe('sign-up limit', () => {
  it('limits accounts created per address, over HTTP and GraphQL, and creates nothing when refused', async () => {
    const address = newAddress();
    const registration = () => {
      const username = uniqueUsername('su');
      return { username, email: `${username.toLowerCase()}@example.test`, password: 'correct horse battery' };
    };
    for (let index = 0; index < 3; index += 1) {
      expect((await call(index, 'POST', '/users/create', { body: registration(), ip: address })).status).toBe(201);
    }
    const refused = registration();
    expectRateLimited(await call(1, 'POST', '/users/create', { body: refused, ip: address }));
    const overGraphql = await fetch(`${gatewayAt(0).httpUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': address },
      body: JSON.stringify({
        query: 'mutation($u: String!, $e: String!, $p: String!) { createUser(username: $u, email: $e, password: $p) { userId } }',
        variables: { u: refused.username, e: refused.email, p: refused.password },
      }),
    });
    expect(((await overGraphql.json()) as Json).errors.map((error: Json) => error.extensions.code)).toEqual(['RATE_LIMITED']);
    expectError(await signIn(0, refused.username, refused.password), 401, 'AUTH_INVALID_CREDENTIALS');
    expect((await call(0, 'POST', '/users/create', { body: refused, ip: newAddress() })).status).toBe(201);
  });
});

describe('message limit', () => {
  it('counts a user\'s sends over HTTP, WebSocket and GraphQL together, stores nothing past it, and leaves other users alone', async () => {
    const [alice, bob] = [await newLimitedUser(0), await newLimitedUser(1)];
    const ip = newAddress();
    const send = (index: number) => call(index, 'POST', `/chats/private/${bob.userId}`, { body: { message: `hi ${uniqueSuffix()}` }, token: alice.token, ip });
    const sendOverGraphql = (index: number) =>
      graphqlOf(gatewayAt(index).httpUrl, alice.token).request(`mutation { sendPrivateMessage(recipientId: ${bob.userId}, message: "gql") { messageId } }`);
    const socket = await socketOf(alice, 1);

    expect((await send(0)).status).toBe(201);
    expect((await send(1)).status).toBe(201);
    expect((await socket.request({ type: 'private.send', to: bob.userId, message: 'ws 1' })).type).toBe('ack');
    expect((await socket.request({ type: 'private.send', to: bob.userId, message: 'ws 2' })).type).toBe('ack');
    expect(errorCodes(await sendOverGraphql(0))).toEqual([]);

    expectRateLimited(await send(1));
    const refusedFrame = await socket.request({ type: 'private.send', to: bob.userId, message: 'ws 3' });
    expect(refusedFrame).toEqual(expect.objectContaining({ type: 'error', code: 'RATE_LIMITED', retryAfterMs: expect.any(Number) }));
    const refusedGraphql = await sendOverGraphql(1);
    expect(errorCodes(refusedGraphql)).toEqual(['RATE_LIMITED']);

    expect((await call(0, 'POST', `/chats/private/${alice.userId}`, { body: { message: 'bob is fine' }, token: bob.token, ip })).status).toBe(201);
    const history = await call(1, 'GET', `/chats/private/${bob.userId}/history`, { token: alice.token, ip });
    expect(history.body.filter((entry: Json) => entry.senderId === alice.userId)).toHaveLength(5);
  });
});

describe('WebSocket limits', () => {
  it('answers frames past a socket\'s rate with RATE_LIMITED, then closes a socket that keeps on with 1008; other sockets are unaffected', async () => {
    const [carol, dave] = [await newLimitedUser(0), await newLimitedUser(1)];
    const flooding = await socketOf(carol, 0);
    const carolsOther = await socketOf(carol, 1);
    const davesSocket = await socketOf(dave, 0);
    for (let i = 0; i < 5; i += 1) expect((await flooding.request({ type: 'ping' })).type).toBe('pong');
    for (let i = 0; i < 5; i += 1) flooding.send({ type: 'ping', id: `over-${i}` });
    for (let i = 0; i < 5; i += 1) {
      expect(await flooding.next((frame) => frame.type === 'error')).toEqual(
        expect.objectContaining({ code: 'RATE_LIMITED', retryAfterMs: expect.any(Number) }),
      );
    }
    flooding.send({ type: 'ping' });
    expect((await flooding.closed).code).toBe(1008);
    expect((await carolsOther.request({ type: 'ping' })).type).toBe('pong');
    expect((await davesSocket.request({ type: 'ping' })).type).toBe('pong');
  });

  it('refuses a user\'s socket past the open-connection limit with HTTP 429, on every gateway, until one closes', async () => {
    const [erin, frank] = [await newLimitedUser(0), await newLimitedUser(1)];
    const first = await socketOf(erin, 0);
    await socketOf(erin, 1);
    expect(await ChatSocket.rejectedStatus(gatewayAt(0).wsUrl, { token: erin.token })).toBe(429);
    expect(await ChatSocket.rejectedStatus(gatewayAt(1).wsUrl, { token: erin.token })).toBe(429);
    await socketOf(frank, 0);
    await first.close();
    await eventually(async () => {
      const again = await socketOf(erin, 1);
      expect(again.isOpen).toBe(true);
    });
  });
});

describe('HTTP timeouts', () => {
  it('answers connections that never finish their headers (slowloris) with 408 and closes them, on every gateway', async () => {
    const answers = target.endpoints.gateways.map(({ httpUrl }) => {
      const { hostname, port } = new URL(httpUrl);
      const socket = connect(Number(port), hostname);
      let received = '';
      socket.on('data', (chunk: Buffer) => (received += chunk.toString('latin1')));
      socket.on('error', () => undefined);
      socket.write('GET /health HTTP/1.1\r\nHost: localhost\r\nX-Slow: ');
      return new Promise<string>((resolve) => socket.on('close', () => resolve(received)));
    });
    for (const answer of await Promise.all(answers)) expect(answer).toMatch(/^HTTP\/1\.1 408 /);
  });
});
