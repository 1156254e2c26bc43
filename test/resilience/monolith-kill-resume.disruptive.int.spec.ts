import { newUserOn, roomWith, uniqueText, type TestUser } from '@chatterroom/test/harness/system';
import { httpHealthy } from '@chatterroom/test/harness/system/readiness';
import type { RunningTarget } from '@chatterroom/test/harness/system/targets/running-target';
import { startMonolith } from '@chatterroom/test/harness/system/targets/monolith.target';
import { sendUntilAcknowledged } from './support/acknowledged-sends';
import { deliveryFaultsOnceAllArrived, textCounts } from './support/delivery-tally';
import { fullRoomHistory } from './support/full-history';
import { ResumingClient } from './support/resuming-client';
import { SteadySenders } from './support/steady-senders';
import { bounded, processNamed, StartedProcesses, targetOptions } from './support/started-processes';

/*
 * Issue 11: the monolith is SIGKILLed during a burst and started again on the same data dir
 * (SQLite) and port. Senders retry each message with its clientMessageId until it is
 * acknowledged; listeners resume with the cursor of the last event they got. Every acknowledged
 * message is stored once, and every listener gets each exactly once. A monolith of its own.
 */

jest.setTimeout(600_000);

const LISTENERS = 5;

describe('monolith on SQLite: SIGKILLed mid-burst and started again on the same data', () => {
  const started = new StartedProcesses();
  let target: RunningTarget;

  beforeAll(async () => {
    target = started.addTarget(await startMonolith(targetOptions({ RATE_LIMITS: 'off' })));
  }, 300_000);

  afterAll(() => started.cleanUp(), 120_000);

  it('stores every acknowledged message once and delivers it to every listener exactly once after they resume', async () => {
    const senderUsers: TestUser[] = [];
    for (let index = 0; index < 3; index += 1) senderUsers.push(await newUserOn(target.endpoints));
    const listenerUsers: TestUser[] = [];
    for (let index = 0; index < LISTENERS; index += 1) listenerUsers.push(await newUserOn(target.endpoints));
    const roomId = await roomWith(senderUsers[0]!, ...senderUsers.slice(1), ...listenerUsers);
    // the senders listen too: their own messages reach their sockets like anyone's
    const clients = [...listenerUsers, ...senderUsers].map((user) => new ResumingClient(user));
    for (const client of clients) await client.connect(0);

    const monolith = processNamed(target, 'monolith');
    const senders = new SteadySenders(senderUsers, roomId);
    try {
      await senders.moreAcknowledged(15);
      // killed with sends in flight
      await bounded(monolith.signal('SIGKILL'), 10_000, 'the monolith to exit on SIGKILL');
      await Promise.all(clients.map((client) => bounded(client.sockets.at(-1)!.closed, 60_000, 'a socket of the killed monolith to close')));
      const { httpUrl } = target.endpoints.gateways[0]!;
      await started.restart(monolith, `GET ${httpUrl}/health`, () => httpHealthy(httpUrl));
      for (const client of clients) await client.reopen(0);
      await senders.moreAcknowledged(15);
      const texts = await senders.stop();
      const last = uniqueText('after the restart');
      await sendUntilAcknowledged(senderUsers[0]!, roomId, last);
      texts.push(last);
      for (const client of clients) await client.until(0, () => textCounts(client.sockets).has(last), 'not reached by the last message');

      const history = await fullRoomHistory(listenerUsers[0]!, roomId);
      expect(texts.filter((text) => history.filter((message) => message.message === text).length !== 1)).toEqual([]);
      expect(history.map((message) => message.seq)).toEqual(history.map((_, index) => index + 1));
      const faults = await Promise.all(clients.map(async (client) => ({ userId: client.userId, ...(await deliveryFaultsOnceAllArrived(() => client.sockets, texts)) })));
      expect(faults.filter((fault) => fault.missed.length > 0 || fault.duplicated.length > 0)).toEqual([]);
    } finally {
      await senders.stop();
    }
  });
});
