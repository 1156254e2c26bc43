import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { graphqlHttpUrl, GraphqlHttpClient, GraphqlSubscriber, untilDelivering } from '@chatterroom/test/harness/graphql';
import { serviceUrls } from '@chatterroom/test/harness/services/service-urls';
import { ChatSocket, HttpClient, newUserOn, uniqueText, type TestUser } from '@chatterroom/test/harness/system';
import { startMonolith } from '@chatterroom/test/harness/system/targets/monolith.target';
import type { RunningTarget } from '@chatterroom/test/harness/system/targets/running-target';
import { startSplit } from '@chatterroom/test/harness/system/targets/split.target';
import { StartedProcesses, targetOptions } from '@chatterroom/test/resilience/support/started-processes';

/*
 * Issue 9: no secret or token ever lands in a log line. Each deployment runs with every log
 * level on (trace), its JWT secret and broker URL given as files (JWT_SECRET_FILE,
 * AMQP_URL_FILE); a full round of flows goes through HTTP, WebSocket and GraphQL, including
 * the ways a client leaks a secret into a request (a token in a URL, a password in a GraphQL
 * query string, an unknown body field holding a password, a wrong password, a forged token).
 * Then every line its processes wrote is searched for every secret of the run.
 */

jest.setTimeout(180_000);

const JWT_SECRET = `log-audit-jwt-secret-${Date.now().toString(36)}-0123456789abcdefghij`;

/** Everything secret this run handled; none may be in a log line. */
const secrets = new Set<string>([JWT_SECRET]);
const remember = (...values: string[]) => values.forEach((value) => secrets.add(value));

const secretFiles = (): { dir: string; env: Record<string, string> } => {
  const dir = mkdtempSync(join(tmpdir(), 'chatterroom-log-audit-'));
  writeFileSync(join(dir, 'jwt_secret'), `${JWT_SECRET}\n`);
  writeFileSync(join(dir, 'amqp_url'), `${serviceUrls.amqp}\n`);
  if (new URL(serviceUrls.amqp).password !== '') remember(serviceUrls.amqp);
  // the split target sets JWT_SECRET and AMQP_URL itself: empty counts as unset, so the files win
  return { dir, env: { JWT_SECRET: '', JWT_SECRET_FILE: join(dir, 'jwt_secret'), AMQP_URL: '', AMQP_URL_FILE: join(dir, 'amqp_url') } };
};

const newUser = async (target: RunningTarget, gatewayIndex: number): Promise<TestUser> => {
  const user = await newUserOn(target.endpoints, gatewayIndex);
  remember(user.password, user.token);
  return user;
};

/** One round of everything a client does, plus the usual mistakes that carry secrets. */
const runFlows = async (target: RunningTarget): Promise<void> => {
  const first = target.endpoints.gateways[0];
  if (first === undefined) throw new Error('no gateway');
  const second = target.endpoints.gateways[1] ?? first;
  const alice = await newUser(target, 0);
  const bob = await newUser(target, 1);

  // HTTP
  const roomId = (await alice.http.post('/rooms/create', { name: uniqueText('audit') })).body.roomId as number;
  await bob.http.post(`/rooms/${roomId}/join`);
  await alice.http.post(`/chats/room/${roomId}`, { message: 'hello room' });
  await alice.http.post(`/chats/private/${bob.userId}`, { message: 'hello bob', clientMessageId: uniqueText('c') });
  await bob.http.get(`/chats/private/${alice.userId}/history?limit=5`);
  await bob.http.get(`/chats/room/${roomId}/history`);
  await alice.http.get(`/users/${alice.userId}`);
  await alice.http.get('/rooms');

  // mistakes carrying secrets
  const anonymous = new HttpClient(first.httpUrl);
  const wrongPassword = `wrong-${alice.password}`;
  remember(wrongPassword);
  await anonymous.post('/users/authenticate', { username: alice.username, password: wrongPassword });
  await anonymous.post('/users/authenticate', { username: alice.username, password: alice.password, extra: alice.password });
  await anonymous.send({ method: 'POST', path: '/users/create', rawBody: `{"username":"x","password":"${alice.password}"` });
  await anonymous.get(`/rooms?token=${alice.token}`);
  await anonymous.get(`/chats/room/${roomId}/history?token=${alice.token}&limit=3`);
  const forged = `${alice.token.slice(0, -4)}AAAA`;
  remember(forged);
  await anonymous.withToken(forged).get('/rooms');
  await anonymous.get('/rooms', { authorization: `Basic ${Buffer.from(`${alice.username}:${alice.password}`).toString('base64')}` });

  // WebSocket, with the token in the URL and in the header, on both gateways
  const aliceSocket = await ChatSocket.connect(first.wsUrl, { token: alice.token, via: 'query' });
  const bobSocket = await ChatSocket.connect(second.wsUrl, { token: bob.token });
  aliceSocket.send({ type: 'private.send', id: 'p1', to: bob.userId, message: 'over the socket' });
  await bobSocket.next((frame) => frame.type === 'message');
  aliceSocket.send({ type: 'login', id: 'x1', password: alice.password, token: alice.token });
  await aliceSocket.next((frame) => frame.id === 'x1');
  expect(await ChatSocket.rejectedStatus(first.wsUrl, { token: forged, via: 'query' })).toBe(401);

  // GraphQL over HTTP (POST, and GET with a password in the query string) and a subscription
  const graphql = new GraphqlHttpClient(graphqlHttpUrl(second.httpUrl));
  await graphql.request(`mutation { authenticate(username: "${bob.username}", password: "${bob.password}") { token } }`);
  await graphql.request('mutation($u: String!, $p: String!) { authenticate(username: $u, password: $p) { token } }', {
    u: bob.username,
    p: bob.password,
  });
  const inUrl = encodeURIComponent(`mutation { authenticate(username: "${bob.username}", password: "${bob.password}") { token } }`);
  await fetch(`${graphqlHttpUrl(first.httpUrl)}?query=${inUrl}`);
  await graphql.withToken(bob.token).data('{ me { userId username email } rooms { roomId name } }');
  const subscriber = GraphqlSubscriber.withToken(graphqlHttpUrl(second.httpUrl).replace(/^http/, 'ws'), bob.token);
  const subscription = subscriber.subscribe('subscription { messageAdded { message } }');
  await untilDelivering(subscription, async () => {
    const text = uniqueText('probe');
    await alice.http.post(`/chats/private/${bob.userId}`, { message: text });
    return text;
  });
  await new GraphqlSubscriber(graphqlHttpUrl(first.httpUrl).replace(/^http/, 'ws'), { token: forged })
    .subscribe('subscription { messageAdded { message } }')
    .ending();

  await subscriber.close();
  await aliceSocket.close();
  await bobSocket.close();
};

const logLinesOf = async (target: RunningTarget): Promise<{ file: string; line: string }[]> => {
  await target.stop();
  await Promise.all(target.processes.map((child) => child.logClosed));
  return target.processes.flatMap((child) =>
    readFileSync(child.logFile, 'utf8')
      .split('\n')
      .filter((line) => line !== '')
      .map((line) => ({ file: `${child.name} (${child.logFile})`, line })),
  );
};

describe.each([
  ['monolith', startMonolith],
  ['split', startSplit],
] as const)('no secret in any log line of the %s', (_name, start) => {
  const started = new StartedProcesses();
  const files = secretFiles();
  let lines: { file: string; line: string }[] = [];

  beforeAll(async () => {
    const target = started.addTarget(await start({ ...targetOptions(files.env), logLevel: 'trace' }));
    try {
      await runFlows(target);
    } finally {
      await ChatSocket.closeAll();
      await GraphqlSubscriber.closeAll();
      lines = await logLinesOf(target);
    }
  });
  afterAll(async () => {
    await started.cleanUp();
    rmSync(files.dir, { recursive: true, force: true });
  });

  it('logged the run: every request, the socket opened with ?token=, the GraphQL GET', () => {
    const text = lines.map(({ line }) => line).join('\n');
    expect(lines.length).toBeGreaterThan(40);
    expect(text).toContain('"url":"/ws/chat?token=[redacted]"');
    expect(text).toContain('"url":"/rooms?token=[redacted]"');
    expect(text).toContain('"url":"/graphql?query=[redacted]"');
    expect(text).toContain('"url":"/users/authenticate"');
  });

  it('holds none of the passwords, tokens and secrets the run used', () => {
    expect(secrets.size).toBeGreaterThanOrEqual(8);
    const leaks = lines.flatMap(({ file, line }) =>
      [...secrets].filter((secret) => line.includes(secret)).map((secret) => `${file}: ${secret.slice(0, 6)}… in ${line.slice(0, 300)}`),
    );
    expect(leaks).toEqual([]);
  });

  it('holds no JWT at all, and no Authorization header', () => {
    const text = lines.map(({ line }) => line).join('\n');
    expect(text).not.toMatch(/eyJ[A-Za-z0-9_-]*\.eyJ[A-Za-z0-9_-]*\./);
    expect(text.toLowerCase()).not.toMatch(/"authorization":"(bearer|basic)/);
  });
});
