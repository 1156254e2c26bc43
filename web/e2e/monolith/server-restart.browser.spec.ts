import type { Browser } from 'playwright-core';
import { httpHealthy } from '@chatterroom/test/harness/system/readiness';
import type { RunningTarget } from '@chatterroom/test/harness/system/targets/running-target';
import { startMonolith } from '@chatterroom/test/harness/system/targets/monolith.target';
import { uniqueText } from '@chatterroom/test/harness/system/unique';
import { bounded, processNamed, StartedProcesses, targetOptions } from '@chatterroom/test/resilience/support/started-processes';
import { launchChromium } from '../support/chromium';
import { conversationItem, messagesWith, openPrivateChat, registerPerson, sendWithEnter, waitForMessage, waitOnline, type Person } from '../support/people';

jest.setTimeout(180_000);

/** A monolith of this file's own (on SQLite, as `npm start` runs it), stopped and started again under two open pages. */
describe('the web client when the server restarts', () => {
  const started = new StartedProcesses();
  let target: RunningTarget;
  let browser: Browser;
  let alice: Person;
  let bob: Person;

  beforeAll(async () => {
    target = started.addTarget(await startMonolith(targetOptions({})));
    browser = await launchChromium();
    const { httpUrl } = target.endpoints.gateways[0]!;
    alice = await registerPerson(browser, httpUrl, 'alice');
    bob = await registerPerson(browser, httpUrl, 'bob');
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await started.cleanUp();
  }, 60_000);

  it('shows it is reconnecting while the server is away, comes back by itself and misses nothing', async () => {
    await openPrivateChat(alice.page, bob);
    const before = uniqueText('before the restart');
    await sendWithEnter(alice.page, before);
    await conversationItem(bob.page, alice.username).getByRole('button').click();
    await waitForMessage(bob.page, before);

    const monolith = processNamed(target, 'monolith');
    await bounded(monolith.signal('SIGTERM'), 20_000, 'the monolith to exit on SIGTERM');
    await bob.page.getByRole('status', { name: 'Connection' }).filter({ hasText: /Reconnecting/ }).waitFor();
    const { httpUrl } = target.endpoints.gateways[0]!;
    await started.restart(monolith, `GET ${httpUrl}/health`, () => httpHealthy(httpUrl));

    // Sent as soon as Alice's page is back, possibly before Bob's: live or caught up, it arrives once.
    await waitOnline(alice.page);
    const after = uniqueText('after the restart');
    await sendWithEnter(alice.page, after);
    await waitOnline(bob.page);
    await waitForMessage(bob.page, after);
    const last = uniqueText('last');
    await sendWithEnter(alice.page, last);
    await waitForMessage(bob.page, last);
    for (const text of [before, after, last]) expect(await messagesWith(bob.page, text).count()).toBe(1);
  });
});
