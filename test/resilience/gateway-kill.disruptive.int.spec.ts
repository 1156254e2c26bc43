import { eventually, newUserOn, roomWith, uniqueText, type Frame, type TestUser } from '@chatterroom/test/harness/system';
import { httpHealthy } from '@chatterroom/test/harness/system/readiness';
import type { RoleProcess } from '@chatterroom/test/harness/system/role-process';
import type { RunningTarget } from '@chatterroom/test/harness/system/targets/running-target';
import { sendUntilAcknowledged } from './support/acknowledged-sends';
import { inBatches } from './support/in-batches';
import { SteadySenders } from './support/steady-senders';
import { deliveryFaultsOnceAllArrived, textCounts } from './support/delivery-tally';
import { ResumingClient } from './support/resuming-client';
import { startOwnSplit, type OwnSplit } from './support/own-split';
import { bounded, processNamed, StartedProcesses } from './support/started-processes';

/*
 * Issue 11: a gateway dies (SIGKILL) under 100 sockets of the split deployment. Every client
 * reconnects to the other gateway with the cursor of the last event it got and recovers every
 * message sent meanwhile, exactly once, while the senders go on sending; and a user whose only
 * socket was on the dead gateway turns offline for watchers on the other one. A deployment of
 * its own on its own RabbitMQ node, Redis and FerretDB, never the machine's.
 */

jest.setTimeout(1_200_000);

const LISTENERS = 100;
/** Presence marks last this long here (PRESENCE_TTL_SECONDS), so a dead gateway's users turn offline in seconds. */
const PRESENCE_TTL_SECONDS = 6;
const SETUP_CONCURRENCY = 10;
/** Clients reconnecting at once: a hundred resumes in the same instant would swamp one gateway's chat service calls. */
const RESUME_CONCURRENCY = 5;

const presenceOf = (userId: number, status: 'online' | 'offline') => (frame: Frame) =>
  frame.type === 'presence' && frame.userId === userId && frame.status === status;

describe('split deployment: a gateway killed under 100 sockets', () => {
  const started = new StartedProcesses();
  let own: OwnSplit | undefined;
  let target: RunningTarget;
  /** The gateway processes running now (a restarted one replaces the one killed). */
  let gateways: RoleProcess[];

  beforeAll(async () => {
    own = await startOwnSplit(started, 'gateway_kill', {
      PRESENCE_TTL_SECONDS: String(PRESENCE_TTL_SECONDS),
      // a hundred sign-ups and a steady stream of sends from one address: this test is not about abuse limits
      RATE_LIMITS: 'off',
      // a loaded machine answers slowly: this test is about delivery, not about deadlines
      GRPC_DEADLINE_MS: '60000',
    });
    target = own.target;
    gateways = [processNamed(target, 'gateway-1'), processNamed(target, 'gateway-2')];
  }, 300_000);

  afterAll(() => own?.close(), 180_000);

  /** Kills gateway `index` (0 or 1) and starts it again on the same port once the test is done with it. */
  const killGateway = async (index: number): Promise<() => Promise<void>> => {
    const gateway = gateways[index]!;
    await bounded(gateway.signal('SIGKILL'), 10_000, `${gateway.name} to exit on SIGKILL`);
    const { httpUrl } = target.endpoints.gateways[index]!;
    return async () => {
      gateways[index] = await started.restart(gateway, `GET ${httpUrl}/health`, () => httpHealthy(httpUrl));
    };
  };

  it('shows a user whose only socket was on the dead gateway offline, with lastSeenAt within the presence lifetime, to watchers on the other', async () => {
    const watcherUser = await newUserOn(target.endpoints, 1);
    const leaving = await newUserOn(target.endpoints, 0);
    const watcher = await watcherUser.ws({ gateway: 1 });
    await watcher.request({ type: 'presence.subscribe', userIds: [leaving.userId] }, 30_000);
    const connectedAfter = Date.now();
    await leaving.ws({ gateway: 0, timeoutMs: 30_000 });
    await watcher.next(presenceOf(leaving.userId, 'online'), 60_000);

    const killedBefore = Date.now();
    const restart = await killGateway(0);
    try {
      const offline = await watcher.next(presenceOf(leaving.userId, 'offline'), 120_000);
      const lastSeen = Date.parse(String(offline.lastSeenAt));
      // the dead gateway's last renewal: after the user came online, and at most one lifetime before the kill
      expect(lastSeen).toBeGreaterThanOrEqual(connectedAfter - 1_000);
      expect(killedBefore - lastSeen).toBeLessThanOrEqual(PRESENCE_TTL_SECONDS * 1_000);
      const profile = await watcherUser.http.get(`/users/${leaving.userId}`);
      expect(profile.body.presence).toEqual({ status: 'offline', lastSeenAt: offline.lastSeenAt });
    } finally {
      await restart();
    }
  });

  it('lets every client resume on the other gateway with its cursor: every message sent meanwhile exactly once, none missed', async () => {
    const [first, second] = await Promise.all([newUserOn(target.endpoints, 1), newUserOn(target.endpoints, 1)]) as [TestUser, TestUser];
    const listeners = await inBatches(Array.from({ length: LISTENERS }, (_, index) => index), SETUP_CONCURRENCY, () =>
      eventually(() => newUserOn(target.endpoints, 1), { timeoutMs: 120_000, intervalMs: 500 }));
    const roomId = await roomWith(first, second);
    await inBatches(listeners, SETUP_CONCURRENCY, async (listener) => {
      const joined = await listener.http.post(`/rooms/${roomId}/join`);
      if (joined.status !== 200) throw new Error(`join answered ${joined.status}`);
    });
    const clients = listeners.map((listener) => new ResumingClient(listener));
    await inBatches(clients, SETUP_CONCURRENCY, (client) => client.connect(0));
    const gotMessage = (client: ResumingClient) => () => client.sockets.some((socket) => socket.received.some((frame) => frame.type === 'message'));

    const senders = new SteadySenders([first, second], roomId);
    try {
      await senders.moreAcknowledged(10);
      // killed while messages are flowing, once every client has had some
      await inBatches(clients, SETUP_CONCURRENCY, (client) => client.until(0, gotMessage(client), 'no message yet'));
      await killGateway(0);
      await Promise.all(clients.map((client) => bounded(client.sockets.at(-1)!.closed, 60_000, 'a socket on the dead gateway to close')));
      await senders.moreAcknowledged(10);

      await inBatches(clients, RESUME_CONCURRENCY, (client) => client.reopen(1));
      await senders.moreAcknowledged(10);
      const texts = await senders.stop();
      const last = uniqueText('after the kill');
      await sendUntilAcknowledged(first, roomId, last);
      texts.push(last);
      await inBatches(clients, SETUP_CONCURRENCY, (client) => client.until(1, () => textCounts(client.sockets).has(last), 'not reached by the last message'));

      const faults = await Promise.all(clients.map(async (client) => ({ userId: client.userId, ...(await deliveryFaultsOnceAllArrived(() => client.sockets, texts)) })));
      expect(faults.filter((fault) => fault.missed.length > 0 || fault.duplicated.length > 0)).toEqual([]);
    } finally {
      await senders.stop();
    }
  });
});
