import { eventually, expectError, newUserOn, privateHistory, sendPrivate, uniqueText, type TestUser } from '@chatterroom/test/harness/system';
import { HttpClient } from '@chatterroom/test/harness/system/http-client';
import { grpcServing } from '@chatterroom/test/harness/system/readiness';
import type { RoleProcess } from '@chatterroom/test/harness/system/role-process';
import type { RunningTarget } from '@chatterroom/test/harness/system/targets/running-target';
import { startSplit } from '@chatterroom/test/harness/system/targets/split.target';
import { affinityIndex } from '@chatterroom/platform/grpc';
import { bounded, processNamed, StartedProcesses, targetOptions } from './support/started-processes';

/*
 * Issue 13: replicas that add capacity. Two chat-service processes; the gateways dial them as
 * a comma-separated list. Each conversation's sends go to one of them, conversations spread over
 * both (each replica's own /metrics counts what it served); one replica relays the events of both, and every
 * message is pushed; when one dies, sends keep working on the other (those of its conversations too, pushed
 * by the survivor's relay once it leads); when both are down, the gateways
 * are not ready (503 NOT_READY naming chat-service); with one back, they are ready again.
 */

jest.setTimeout(60_000);

const SEND = 'chatterroom.chat.v1.ChatService/SendPrivateMessage';

const metricsOf = async (chat: RoleProcess): Promise<string[]> => {
  const response = await fetch(`http://127.0.0.1:${chat.env.METRICS_PORT}/metrics`, { signal: AbortSignal.timeout(5_000) });
  return (await response.text()).split('\n');
};

/** The line of an unlabelled series in a chat-service's metrics. */
const metricLine = async (chat: RoleProcess, series: string): Promise<string | undefined> =>
  (await metricsOf(chat)).find((line) => line.startsWith(`${series} `));

/** Whether a chat-service's outbox relay leads (1) or stands by (0), from its metrics listener. */
const relayLeading = async (chat: RoleProcess): Promise<number> => Number((await metricLine(chat, 'chatterroom_outbox_relay_leading'))?.split(' ')[1]);

/** How many SendPrivateMessage calls a chat-service answered OK, from its metrics listener. */
const sendsServedBy = async (chat: RoleProcess): Promise<number> => {
  const line = (await metricsOf(chat))
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
  /** Someone alice writes to whose conversation goes to the second replica while it lives. */
  let mappedToSecond: TestUser | undefined;
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

  it('sends each conversation to one replica, spreads conversations over both, relays from one, pushes every message, and is ready', async () => {
    // two people alice writes to whose conversations map to different entries of the list (as every gateway maps them)
    const partners = new Map<number, TestUser>();
    while (partners.size < 2) {
      const partner = await newUserOn(target.endpoints, partners.size);
      const entry = affinityIndex(`private:${Math.min(alice.userId, partner.userId)}:${Math.max(alice.userId, partner.userId)}`, 2);
      if (!partners.has(entry)) partners.set(entry, partner);
    }
    const servedNow = async () => [await sendsServedBy(first), await sendsServedBy(second)];
    for (const partner of partners.values()) {
      const socket = await partner.ws();
      const before = await servedNow();
      const texts = Array.from({ length: 10 }, () => uniqueText('one conversation'));
      for (const text of texts) await sendPrivate(alice, partner, text);
      const added = (await servedNow()).map((count, index) => count - (before[index] ?? 0));
      expect([...added].sort()).toEqual([0, 10]);
      if (added[1] === 10) mappedToSecond = partner;
      // pushed whichever replica stored them: the standby's events go out through the leading relay
      for (const text of texts) await socket.next((frame) => frame.type === 'message' && (frame.message as { message: string }).message === text, 10_000);
      await socket.close();
    }
    expect(await servedNow()).toEqual([10, 10]);
    expect([await relayLeading(first), await relayLeading(second)].sort()).toEqual([0, 1]);
    expect([await ready(0), await ready(1)]).toEqual([200, 200]);
    // the admission queue is in each replica's metrics: nothing waits once the sends are answered
    expect(await metricLine(first, 'chatterroom_grpc_server_calls_waiting')).toBe('chatterroom_grpc_server_calls_waiting 0');
  });

  describe('when one replica dies', () => {
    beforeAll(() => bounded(second.signal('SIGKILL'), 10_000, 'chat-service-2 to exit on SIGKILL'));

    it('keeps taking every send (none with a key) on the other, those of its conversations too, pushes them, and stays ready', async () => {
      const partner = mappedToSecond ?? bob;
      const socket = await partner.ws();
      const before = await sendsServedBy(first);
      const texts = Array.from({ length: 10 }, () => uniqueText('after one died'));
      for (const text of texts) await sendPrivate(alice, partner, text);
      expect((await sendsServedBy(first)) - before).toBe(10);
      // the survivor leads (at once, or once the dead replica's lease has expired) and pushes every one
      for (const text of texts) await socket.next((frame) => frame.type === 'message' && (frame.message as { message: string }).message === text, 15_000);
      await socket.close();
      expect(await relayLeading(first)).toBe(1);
      const history = (await privateHistory(partner, alice)).map((message) => message.message);
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
