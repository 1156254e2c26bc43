import { eventually, expectError, newUserOn, privateHistory, sendPrivate, uniqueText, type TestUser } from '@chatterroom/test/harness/system';
import { HttpClient } from '@chatterroom/test/harness/system/http-client';
import { grpcServing } from '@chatterroom/test/harness/system/readiness';
import type { RoleProcess } from '@chatterroom/test/harness/system/role-process';
import type { RunningTarget } from '@chatterroom/test/harness/system/targets/running-target';
import { startSplit } from '@chatterroom/test/harness/system/targets/split.target';
import { bounded, processNamed, StartedProcesses, targetOptions } from './support/started-processes';

/*
 * Issue 13: replicas that add capacity. Two chat-service processes; the gateways dial them as
 * a comma-separated list. Calls spread over both (each replica's own /metrics counts what it
 * served); when one dies, sends keep working on the other; when both are down, the gateways
 * are not ready (503 NOT_READY naming chat-service); with one back, they are ready again.
 */

jest.setTimeout(60_000);

const SEND = 'chatterroom.chat.v1.ChatService/SendPrivateMessage';

/** How many SendPrivateMessage calls a chat-service answered OK, from its metrics listener. */
const sendsServedBy = async (chat: RoleProcess): Promise<number> => {
  const response = await fetch(`http://127.0.0.1:${chat.env.METRICS_PORT}/metrics`, { signal: AbortSignal.timeout(5_000) });
  const line = (await response.text())
    .split('\n')
    .find((candidate) => candidate.startsWith('chatterroom_grpc_server_call_duration_seconds_count{') && candidate.includes(`method="${SEND}"`) && candidate.includes('code="OK"'));
  return line === undefined ? 0 : Number(line.split(' ').at(-1));
};


describe('split deployment with two chat-service replicas dialled as a list', () => {
  const started = new StartedProcesses();
  let target: RunningTarget;
  let first: RoleProcess;
  let second: RoleProcess;
  let alice: TestUser;
  let bob: TestUser;
  const gatewayClient = (index: number) => new HttpClient(target.endpoints.gateways[index]?.httpUrl ?? '');
  const ready = async (index: number) => (await gatewayClient(index).get('/health/ready')).status;

  beforeAll(async () => {
    target = started.addTarget(await startSplit({ ...targetOptions(), chatReplicas: 2 }));
    first = processNamed(target, 'chat-service');
    second = processNamed(target, 'chat-service-2');
    alice = await newUserOn(target.endpoints, 0);
    bob = await newUserOn(target.endpoints, 1);
  }, 180_000);

  afterAll(() => started.cleanUp(), 60_000);

  it('spreads sends over both replicas, and is ready', async () => {
    for (let index = 0; index < 20; index += 1) await sendPrivate(alice, bob, uniqueText('spread'));
    const served = [await sendsServedBy(first), await sendsServedBy(second)];
    expect(served[0]).toBeGreaterThan(0);
    expect(served[1]).toBeGreaterThan(0);
    expect((served[0] ?? 0) + (served[1] ?? 0)).toBe(20);
    expect([await ready(0), await ready(1)]).toEqual([200, 200]);
  });

  describe('when one replica dies', () => {
    beforeAll(() => bounded(second.signal('SIGKILL'), 10_000, 'chat-service-2 to exit on SIGKILL'));

    it('keeps taking every send (none with a key) on the other, and stays ready', async () => {
      const before = await sendsServedBy(first);
      const texts = Array.from({ length: 10 }, () => uniqueText('after one died'));
      for (const text of texts) await sendPrivate(alice, bob, text);
      expect((await sendsServedBy(first)) - before).toBe(10);
      const history = (await privateHistory(bob, alice)).map((message) => message.message);
      expect(history).toEqual(expect.arrayContaining(texts));
      expect([await ready(0), await ready(1)]).toEqual([200, 200]);
    });
  });

  describe('when both are down', () => {
    beforeAll(() => bounded(first.signal('SIGKILL'), 10_000, 'chat-service to exit on SIGKILL'));

    it('answers /health/ready 503 NOT_READY naming chat-service on every gateway, and sends 503', async () => {
      for (const index of [0, 1]) {
        const response = await eventually(async () => {
          const got = await gatewayClient(index).get('/health/ready');
          expect(got.status).toBe(503);
          return got;
        }, { timeoutMs: 20_000, intervalMs: 250 });
        expect(response.body).toMatchObject({ code: 'NOT_READY', message: expect.stringMatching(/chat-service/) });
        expect(response.body.checks).toMatchObject({ 'user-service': 'up', broker: 'up' });
      }
      expectError(await alice.http.post(`/chats/private/${bob.userId}`, { message: uniqueText() }), 503, 'SERVICE_UNAVAILABLE');
    });
  });

  describe('once one replica is back', () => {
    beforeAll(async () => {
      const port = Number(second.env.GRPC_PORT);
      await started.restart(second, `gRPC 127.0.0.1:${port}`, () => grpcServing('127.0.0.1', port));
    }, 120_000);

    it('is ready again and takes sends', async () => {
      await eventually(async () => expect([await ready(0), await ready(1)]).toEqual([200, 200]), { timeoutMs: 30_000, intervalMs: 250 });
      await eventually(() => sendPrivate(alice, bob, uniqueText('back')), { timeoutMs: 30_000, intervalMs: 250 });
    });
  });
});
