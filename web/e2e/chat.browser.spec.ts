import { uniqueText } from '@chatterroom/test/harness/system/unique';
import { addMemberByName, closeRoomDetails } from './support/rooms';
import { withTwoPeople } from './support/two-people';
import { conversationItem, exchange, messagesWith, openPrivateChat, sendWithEnter, waitForMessage } from './support/people';

jest.setTimeout(180_000);

/** Two people, each in their own browser context; with two gateways (split), one on each. */
describe('the web client: two people chatting', () => {
  const people = withTwoPeople();

  it('find each other by username and chat privately, each message arriving live on the other side', async () => {
    await openPrivateChat(people.alice.page, people.bob);
    const hello = uniqueText('hello bob');
    await sendWithEnter(people.alice.page, hello);
    await waitForMessage(people.alice.page, hello);

    await conversationItem(people.bob.page, people.alice.username).getByText('1 unread').waitFor();
    await conversationItem(people.bob.page, people.alice.username).getByRole('button').click();
    await waitForMessage(people.bob.page, hello);
    const reply = uniqueText('hi alice');
    await sendWithEnter(people.bob.page, reply);
    await waitForMessage(people.alice.page, reply);
    expect(await messagesWith(people.alice.page, hello).count()).toBe(1);
    expect(await messagesWith(people.alice.page, reply).count()).toBe(1);
  });

  it('chat in a room: one creates it, the other joins by its id, both see messages live, and leaving removes it', async () => {
    const roomName = uniqueText('team').replace(' ', '-');
    await people.alice.page.getByRole('button', { name: 'New room' }).click();
    await people.alice.page.getByLabel('Room name').fill(roomName);
    await people.alice.page.getByRole('button', { name: 'Create room' }).click();
    await conversationItem(people.alice.page, roomName).waitFor();
    const roomId = /Room ID (\d+)/.exec((await people.alice.page.getByText(/Room ID \d+/).textContent()) ?? '')?.[1];
    expect(roomId).toMatch(/^\d+$/);

    await people.bob.page.getByLabel('Room ID').fill(roomId!);
    await people.bob.page.getByRole('button', { name: 'Join', exact: true }).click();
    await conversationItem(people.bob.page, roomName).waitFor();

    await exchange(people.bob.page, people.alice.page, 'bob in the room');
    await exchange(people.alice.page, people.bob.page, 'alice in the room');

    await people.bob.page.getByRole('button', { name: 'Leave' }).click();
    await conversationItem(people.bob.page, roomName).waitFor({ state: 'detached' });
  });

  it('chat in a private room: the owner adds the other, whose list shows it live, and both see messages live', async () => {
    const roomName = uniqueText('private').replace(' ', '-');
    await people.alice.page.getByRole('button', { name: 'New room' }).click();
    await people.alice.page.getByLabel('Room name').fill(roomName);
    await people.alice.page.getByRole('radio', { name: /Private/ }).check();
    await people.alice.page.getByRole('button', { name: 'Create room' }).click();
    await conversationItem(people.alice.page, roomName).waitFor();
    await people.alice.page.getByText(/Private · 1 member · you are owner/).waitFor();

    await addMemberByName(people.alice.page, people.bob.username);
    await closeRoomDetails(people.alice.page);
    await people.alice.page.getByText(/Private · 2 members/).waitFor();
    await conversationItem(people.bob.page, roomName).getByRole('button').click();
    await people.bob.page.getByText(/Private · 2 members · you are member/).waitFor();

    await exchange(people.alice.page, people.bob.page, 'welcome bob');
    await exchange(people.bob.page, people.alice.page, 'thanks alice');
  });

  it('reads older history by scrolling up', async () => {
    await openPrivateChat(people.bob.page, people.alice);
    const first = uniqueText('oldest');
    await sendWithEnter(people.bob.page, first);
    for (let i = 0; i < 60; i += 1) await sendWithEnter(people.bob.page, `filler ${i}`);
    await people.alice.page.reload();
    await conversationItem(people.alice.page, people.bob.username).getByRole('button').click();
    await waitForMessage(people.alice.page, 'filler 59');
    expect(await messagesWith(people.alice.page, first).count()).toBe(0);
    const log = people.alice.page.getByRole('log', { name: 'Messages' });
    for (let tries = 0; tries < 20 && (await messagesWith(people.alice.page, first).count()) === 0; tries += 1) {
      await log.evaluate((element) => element.scrollTo({ top: 0 }));
      await people.alice.page.waitForTimeout(250);
    }
    await waitForMessage(people.alice.page, first);
    expect(await messagesWith(people.alice.page, first).count()).toBe(1);
  });
});
