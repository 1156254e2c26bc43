import { newUserOn, roomWith, type TestUser } from '@chatterroom/test/harness/system';
import { httpHealthy } from '@chatterroom/test/harness/system/readiness';
import type { RunningTarget } from '@chatterroom/test/harness/system/targets/running-target';
import { startMonolith } from '@chatterroom/test/harness/system/targets/monolith.target';
import { fullRoomHistory } from './support/full-history';
import { processNamed, StartedProcesses, targetOptions } from './support/started-processes';

/*
 * Issue 8: a kill -9 during a burst of sends loses no acknowledged message. The monolith (its
 * own DATA_DIR and port) takes concurrent room sends over HTTP and is SIGKILLed once a third of
 * them were answered 201; started again on the same DATA_DIR, its history holds every
 * acknowledged messageId, numbered 1..n without a gap.
 */

jest.setTimeout(120_000);

const SENDS = 300;
const CONCURRENCY = 24;
const KILL_AFTER_ACKS = 100;

describe('monolith on SQLite, killed with SIGKILL during a burst of sends', () => {
  const started = new StartedProcesses();
  let target: RunningTarget;
  const acknowledged: string[] = [];
  let failed = 0;
  let sender: TestUser;
  let roomId: number;

  beforeAll(async () => {
    target = started.addTarget(await startMonolith(targetOptions({})));
    const monolith = processNamed(target, 'monolith');
    sender = await newUserOn(target.endpoints);
    roomId = await roomWith(sender, await newUserOn(target.endpoints));

    let next = 0;
    let killed: Promise<string> | undefined;
    const worker = async (): Promise<void> => {
      while (next < SENDS) {
        next += 1;
        try {
          const response = await sender.http.post(`/chats/room/${roomId}`, { message: `burst ${next}` });
          if (response.status !== 201) throw new Error(`status ${response.status}`);
          acknowledged.push(response.body.messageId as string);
          if (acknowledged.length === KILL_AFTER_ACKS) killed = monolith.signal('SIGKILL');
        } catch {
          failed += 1;
        }
      }
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, worker));
    expect(await killed).toBe('was killed by SIGKILL');

    const { httpUrl } = target.endpoints.gateways[0]!;
    await started.restart(monolith, `GET ${httpUrl}/health`, () => httpHealthy(httpUrl));
  });

  afterAll(() => started.cleanUp(), 60_000);

  it('was killed mid-burst: some sends were acknowledged, later ones failed', () => {
    expect(acknowledged.length).toBeGreaterThanOrEqual(KILL_AFTER_ACKS);
    expect(failed).toBeGreaterThan(0);
    expect(acknowledged.length + failed).toBe(SENDS);
  });

  it('has every acknowledged message in the history after the restart, numbered 1..n without a gap', async () => {
    const history = await fullRoomHistory(sender, roomId);
    const stored = new Set(history.map((message) => message.messageId as string));
    expect(acknowledged.filter((messageId) => !stored.has(messageId))).toEqual([]);
    expect(history.map((message) => message.seq)).toEqual(history.map((_, index) => index + 1));
  });

  it('goes on with the next seq', async () => {
    const before = await fullRoomHistory(sender, roomId);
    const response = await sender.http.post(`/chats/room/${roomId}`, { message: 'after the restart' });
    expect(response.status).toBe(201);
    expect(response.body.seq).toBe(before.length + 1);
  });
});
