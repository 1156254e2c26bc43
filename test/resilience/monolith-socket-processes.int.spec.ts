import { readFileSync } from 'node:fs';
import { eventually, HttpClient, newUserOn, pushWithText, roomWith, sendToRoom, type ChatSocket, type Frame, type TestUser } from '@chatterroom/test/harness/system';
import { httpHealthy } from '@chatterroom/test/harness/system/readiness';
import type { RunningTarget } from '@chatterroom/test/harness/system/targets/running-target';
import { startMonolith } from '@chatterroom/test/harness/system/targets/monolith.target';
import { processNamed, StartedProcesses, targetOptions } from './support/started-processes';

/*
 * SOCKET_PROCESSES: the monolith's WebSockets and HTTP live in forked socket processes, its
 * modules and data (here in memory) in the process that forked them. Every socket process is
 * SIGKILLed: new ones take their place, the data is still there (the modules' process lived
 * on), and a client that reconnects with the cursor of its last push gets what it missed.
 * One /metrics listener answers for all of its processes.
 */

jest.setTimeout(120_000);

const SOCKET_PROCESSES = 2;

const pidOf = (target: RunningTarget): number => {
  const match = /pid (\d+)\)/.exec(processNamed(target, 'monolith').describe('is running'));
  if (match === null) throw new Error('no pid for the monolith');
  return Number(match[1]);
};

const socketProcessesOf = (pid: number): number[] =>
  readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number);

describe(`monolith with SOCKET_PROCESSES=${SOCKET_PROCESSES}`, () => {
  const started = new StartedProcesses();
  let target: RunningTarget;
  let alice: TestUser;
  let bob: TestUser;
  let roomId: number;

  beforeAll(async () => {
    target = started.addTarget(await startMonolith(targetOptions({ STORAGE: 'memory', SOCKET_PROCESSES: String(SOCKET_PROCESSES) })));
    alice = await newUserOn(target.endpoints);
    bob = await newUserOn(target.endpoints);
    roomId = await roomWith(alice, bob);
  });

  afterAll(() => started.cleanUp(), 60_000);

  it('holds its sockets in that many forked processes, and pushes a room message to a member', async () => {
    await eventually(() => expect(socketProcessesOf(pidOf(target))).toHaveLength(SOCKET_PROCESSES));
    const sockets = await Promise.all([bob.ws(), bob.ws(), alice.ws()]);
    const sent = await sendToRoom(alice, roomId);
    for (const socket of sockets) await socket.next(pushWithText(sent.message as string));
    await Promise.all(sockets.map((socket) => socket.close()));
  });

  it('answers /metrics for every process at once: open sockets summed over the socket processes, on every scrape', async () => {
    const { metricsUrl } = target.endpoints.gateways[0]!;
    if (metricsUrl === undefined) throw new Error('the monolith has no metrics listener');
    const listener = new HttpClient(metricsUrl);
    const openSockets = async (): Promise<number> => {
      const response = await listener.get<string>('/metrics');
      expect(response.status).toBe(200);
      const line = /^chatterroom_open_sockets\{endpoint="ws_chat"\} (\d+)$/m.exec(response.body);
      expect(line).not.toBeNull();
      expect(response.body).toContain('# TYPE process_cpu_user_seconds_total counter');
      return Number(line?.[1]);
    };
    await eventually(async () => expect(await openSockets()).toBe(0));
    // Connections are dealt to the socket processes in turn: four are spread over both.
    const sockets = await Promise.all([bob.ws(), bob.ws(), alice.ws(), alice.ws()]);
    for (let scrape = 0; scrape < 6; scrape += 1) expect(await openSockets()).toBe(sockets.length);
    await Promise.all(sockets.map((socket) => socket.close()));
    await eventually(async () => expect(await openSockets()).toBe(0));
  });

  it('replaces socket processes that die, keeps the data, and its clients resume from their cursors', async () => {
    const monolith = pidOf(target);
    const before = socketProcessesOf(monolith);
    const socket: ChatSocket = await bob.ws();
    const first = await sendToRoom(alice, roomId);
    const push: Frame = await socket.next(pushWithText(first.message as string));

    for (const pid of before) process.kill(pid, 'SIGKILL');
    await socket.closed;
    await eventually(() => {
      const now = socketProcessesOf(monolith);
      expect(now).toHaveLength(SOCKET_PROCESSES);
      expect(now.filter((pid) => before.includes(pid))).toEqual([]);
    }, { timeoutMs: 60_000 });
    const { httpUrl } = target.endpoints.gateways[0]!;
    await eventually(async () => expect(await httpHealthy(httpUrl)).toBe(true), { timeoutMs: 60_000 });

    const missed = await sendToRoom(alice, roomId);
    const resumed = await bob.ws({ since: push.cursor as string });
    await resumed.next(pushWithText(missed.message as string));
    expect(pidOf(target)).toBe(monolith);
    await resumed.close();
  });
});
