import { uniqueText } from '../../test/harness/system/unique';
import { withTwoPeople } from './support/two-people';
import { conversationItem, messagesWith, openPrivateChat, sendWithEnter, waitForMessage, waitOnline } from './support/people';

jest.setTimeout(180_000);

describe('the web client: away and back', () => {
  const people = withTwoPeople();

  it('shows the connection lost, then after the network returns shows every message sent meanwhile exactly once', async () => {
    await openPrivateChat(people.alice.page, people.bob);
    const before = uniqueText('before');
    await sendWithEnter(people.alice.page, before);
    await conversationItem(people.bob.page, people.alice.username).getByRole('button').click();
    await waitForMessage(people.bob.page, before);

    await people.bob.context.setOffline(true);
    await people.bob.page.getByRole('status', { name: 'Connection' }).filter({ hasText: /Offline|Reconnecting/ }).waitFor();
    const meanwhile = Array.from({ length: 5 }, (_, i) => uniqueText(`while away ${i}`));
    for (const text of meanwhile) await sendWithEnter(people.alice.page, text);

    await people.bob.context.setOffline(false);
    await waitOnline(people.bob.page);
    for (const text of meanwhile) await waitForMessage(people.bob.page, text);
    // One more live message: anything the catch-up and the socket could both deliver has arrived by now.
    const after = uniqueText('after');
    await sendWithEnter(people.alice.page, after);
    await waitForMessage(people.bob.page, after);
    for (const text of [before, ...meanwhile, after]) expect(await messagesWith(people.bob.page, text).count()).toBe(1);
  });

  it('a second tab of the same person gets the messages live too', async () => {
    const secondTab = await people.bob.context.newPage();
    await secondTab.goto('/');
    await waitOnline(secondTab);
    const text = uniqueText('to both tabs');
    await sendWithEnter(people.alice.page, text);
    await waitForMessage(people.bob.page, text);
    await conversationItem(secondTab, people.alice.username).getByRole('button').click();
    await waitForMessage(secondTab, text);
    await secondTab.close();
  });
});
