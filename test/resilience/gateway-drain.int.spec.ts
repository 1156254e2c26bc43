import { request as httpRequest, type ClientRequest, type IncomingMessage } from 'node:http';
import { connect } from 'node:net';
import { ChatSocket, eventually, newUserOn, uniqueText, type TestUser } from '@chatterroom/test/harness/system';
import { HttpClient } from '@chatterroom/test/harness/system/http-client';
import type { RoleProcess } from '@chatterroom/test/harness/system/role-process';
import type { RunningTarget } from '@chatterroom/test/harness/system/targets/running-target';
import { startMonolith } from '@chatterroom/test/harness/system/targets/monolith.target';
import { bounded, processNamed, StartedProcesses, targetOptions } from './support/started-processes';

/*
 * Rolling upgrades (issue 13 part 6, issue 11): on SIGTERM a gateway (here the monolith's, the
 * same app) stops being ready, closes its sockets with 1001 so clients reconnect elsewhere and
 * resume with their cursor, refuses new upgrades, keeps serving for SHUTDOWN_DRAIN_DELAY_MS,
 * then stops listening, lets the request in flight finish, and exits 0.
 */

jest.setTimeout(60_000);

const DRAIN_DELAY_MS = '1500';

const refusesConnections = (port: number): Promise<boolean> =>
  new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port });
    socket.once('connect', () => (socket.destroy(), resolve(false)));
    socket.once('error', () => resolve(true));
  });

/** A send whose body is only half written: a request in flight until `finish`. */
const halfSentPost = (url: URL, token: string, body: string): { request: ClientRequest; answer: Promise<{ status: number; body: string }> } => {
  const request = httpRequest(url, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
  });
  const answer = new Promise<{ status: number; body: string }>((resolve, reject) => {
    request.once('response', (response: IncomingMessage) => {
      let text = '';
      response.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
      response.once('end', () => resolve({ status: response.statusCode ?? 0, body: text }));
    });
    request.once('error', reject);
  });
  request.flushHeaders();
  request.write(body.slice(0, 10));
  return { request, answer };
};

describe('a gateway stopped with SIGTERM drains', () => {
  const started = new StartedProcesses();
  let target: RunningTarget;
  let gateway: RoleProcess;
  let alice: TestUser;

  beforeAll(async () => {
    target = started.addTarget(await startMonolith(targetOptions({ STORAGE: 'memory', SHUTDOWN_DRAIN_DELAY_MS: DRAIN_DELAY_MS })));
    gateway = processNamed(target, 'monolith');
    alice = await newUserOn(target.endpoints);
  }, 120_000);

  afterAll(() => started.cleanUp(), 60_000);

  it('is unready at once, closes sockets with 1001, refuses upgrades, finishes the request in flight, then exits 0', async () => {
    const endpoint = target.endpoints.gateways[0];
    if (endpoint === undefined) throw new Error('no gateway');
    const anonymous = new HttpClient(endpoint.httpUrl);
    const port = Number(new URL(endpoint.httpUrl).port);
    expect((await anonymous.get('/health/ready')).status).toBe(200);
    const socket = await alice.ws();
    const text = uniqueText('in flight');
    const inFlight = halfSentPost(new URL(`/chats/private/${alice.userId}`, endpoint.httpUrl), alice.token, JSON.stringify({ message: text }));

    const exited = gateway.signal('SIGTERM');
    expect(await bounded(socket.closed, 10_000, 'the socket to close')).toMatchObject({ code: 1001 });
    const ready = await anonymous.get('/health/ready');
    expect(ready.status).toBe(503);
    expect(ready.body).toMatchObject({ code: 'NOT_READY' });
    expect(await ChatSocket.rejection(endpoint.wsUrl, { token: alice.token })).toMatchObject({ status: 503, body: { code: 'NOT_READY' } });

    await eventually(async () => expect(await refusesConnections(port)).toBe(true), { timeoutMs: 15_000, intervalMs: 100 });
    expect(gateway.hasExited).toBe(false);
    inFlight.request.end(JSON.stringify({ message: text }).slice(10));
    const answer = await bounded(inFlight.answer, 10_000, 'the request in flight to be answered');
    expect(answer.status).toBe(201);
    expect(JSON.parse(answer.body)).toMatchObject({ message: text });
    expect(await bounded(exited, 15_000, 'the gateway to exit')).toBe('exited with code 0');
  });
});
