import { uniqueText } from '@chatterroom/test/harness/system/unique';
import { withTwoPeople } from './support/two-people';
import { conversationItem, messagesWith, openPrivateChat, sendWithEnter, waitForMessage, waitOnline } from './support/people';

jest.setTimeout(180_000);

describe('the web client: away and back', () => {
  const people = withTwoPeople();

  it('shows the connection lost, then after the network returns shows every message sent meanwhile exactly once, replayed from its cursor', async () => {
    await openPrivateChat(people.alice.page, people.bob);
    const before = uniqueText('before');
    await sendWithEnter(people.alice.page, before);
    await conversationItem(people.bob.page, people.alice.username).getByRole('button').click();
    await waitForMessage(people.bob.page, before);

    await people.bob.context.setOffline(true);
    await people.bob.page.getByRole('status', { name: 'Connection' }).filter({ hasText: /Offline|Reconnecting/ }).waitFor();
    // Resumed from the socket's cursor (?since=), not by paging the history back.
    const historyReads: string[] = [];
    people.bob.page.on('request', (request) => {
      if (request.url().includes('/history')) historyReads.push(request.url());
    });
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
    expect(historyReads).toEqual([]);
  });

  it('counts what arrived while away in a conversation not open exactly once: the badge, then each message', async () => {
    await people.bob.page.getByRole('button', { name: 'New room' }).click();
    await people.bob.page.getByLabel('Room name').fill(uniqueText('waiting-room').replace(' ', '-'));
    await people.bob.page.getByRole('button', { name: 'Create room' }).click();
    await people.bob.page.getByText(/you are owner/).waitFor();
    await openPrivateChat(people.alice.page, people.bob);
    await people.bob.context.setOffline(true);
    await people.bob.page.getByRole('status', { name: 'Connection' }).filter({ hasText: /Offline|Reconnecting/ }).waitFor();
    const meanwhile = Array.from({ length: 3 }, (_, i) => uniqueText(`unread while away ${i}`));
    for (const text of meanwhile) await sendWithEnter(people.alice.page, text);
    await people.bob.context.setOffline(false);
    await waitOnline(people.bob.page);
    const item = conversationItem(people.bob.page, people.alice.username);
    await item.getByText('3 unread', { exact: true }).waitFor();
    await item.getByText(meanwhile[2]!).waitFor();
    await item.getByRole('button').click();
    for (const text of meanwhile) await waitForMessage(people.bob.page, text);
    for (const text of meanwhile) expect(await messagesWith(people.bob.page, text).count()).toBe(1);
    await item.getByText(/^\d+ unread$/).waitFor({ state: 'detached' });
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
