import type { Page } from 'playwright-core';
import { newUser } from '@chatterroom/test/harness/system/test-users';
import { uniqueText } from '@chatterroom/test/harness/system/unique';
import { withTwoPeople } from './support/two-people';
import { conversationItem, openClient, openPrivateChat, registerPerson, sendWithEnter, waitForMessage, waitOnline } from './support/people';

/** More conversations than one page of GET /conversations (30). */
const MANY_ROOMS = 35;

jest.setTimeout(180_000);

/** The names of the conversation list's items, top to bottom. */
const listOrder = (page: Page) => page.getByRole('list', { name: 'Conversations' }).getByRole('listitem').evaluateAll((items) => items.map((item) => item.getAttribute('aria-label')));

/** The unread badge of a conversation of the list ("3 unread"). */
const badge = (page: Page, title: string) => conversationItem(page, title).getByText(/^\d+ unread$/);

const createRoom = async (page: Page, name: string) => {
  await page.getByRole('button', { name: 'New room' }).click();
  await page.getByLabel('Room name').fill(name);
  await page.getByRole('button', { name: 'Create room' }).click();
  await conversationItem(page, name).waitFor();
};

/** Two people, one on each gateway where there are two: the list, read markers, "seen", typing and presence. */
describe('the web client: conversations, read markers, typing and presence', () => {
  const people = withTwoPeople();

  it('lists a new private chat with its unread badge and last message; reading it on another tab clears the badge on both', async () => {
    const { alice, bob } = people;
    await openPrivateChat(alice.page, bob);
    const hello = uniqueText('are you there');
    await sendWithEnter(alice.page, hello);

    await badge(bob.page, alice.username).filter({ hasText: '1 unread' }).waitFor();
    await conversationItem(bob.page, alice.username).getByText(hello).waitFor();
    const secondTab = await bob.context.newPage();
    await secondTab.goto('/');
    await waitOnline(secondTab);
    await badge(secondTab, alice.username).filter({ hasText: '1 unread' }).waitFor();

    await conversationItem(secondTab, alice.username).getByRole('button').click();
    await waitForMessage(secondTab, hello);
    await badge(secondTab, alice.username).waitFor({ state: 'detached' });
    await badge(bob.page, alice.username).waitFor({ state: 'detached' });
    await secondTab.close();
  });

  it('puts the conversation with the newest activity first, moving it up when a message arrives', async () => {
    const { alice, bob } = people;
    const room = uniqueText('standup').replace(' ', '-');
    await createRoom(alice.page, room);
    expect((await listOrder(alice.page))[0]).toBe(room);
    await conversationItem(bob.page, alice.username).getByRole('button').click();
    await sendWithEnter(bob.page, uniqueText('to the top'));
    await badge(alice.page, bob.username).waitFor();
    expect((await listOrder(alice.page)).slice(0, 2)).toEqual([bob.username, room]);
  });

  it('shows "alice is typing…" to the other person while she writes, gone once she sends', async () => {
    const { alice, bob } = people;
    await conversationItem(alice.page, bob.username).getByRole('button').click();
    await conversationItem(bob.page, alice.username).getByRole('button').click();
    // typed key by key over a few seconds, as a person does: the server forwards at most one typing frame
    // every 2 s per person and conversation, so a single input event right after an earlier test's could be dropped
    await alice.page.getByRole('textbox', { name: 'Message', exact: true }).pressSequentially('typing slowly', { delay: 250 });
    const typing = bob.page.getByRole('status', { name: 'Typing' });
    await typing.filter({ hasText: `${alice.username} is typing…` }).waitFor();
    await alice.page.getByRole('textbox', { name: 'Message', exact: true }).press('Enter');
    await waitForMessage(bob.page, 'typing slowly');
    await typing.filter({ hasText: /^$/ }).waitFor();
  });

  it('shows "Seen" under my last message once the other person has read it, not before', async () => {
    const { alice, bob } = people;
    await createRoom(bob.page, uniqueText('elsewhere').replace(' ', '-'));
    await conversationItem(alice.page, bob.username).getByRole('button').click();
    const question = uniqueText('did you read this');
    await sendWithEnter(alice.page, question);
    await badge(bob.page, alice.username).waitFor();
    const seen = alice.page.getByRole('log', { name: 'Messages' }).getByText('Seen', { exact: true });
    expect(await seen.count()).toBe(0);

    await conversationItem(bob.page, alice.username).getByRole('button').click();
    await waitForMessage(bob.page, question);
    await seen.waitFor();
    expect(await seen.count()).toBe(1);
  });

  it('still shows "Seen" after a reload: the list brings the other person\'s read marker', async () => {
    const { alice, bob } = people;
    await conversationItem(alice.page, bob.username).getByRole('button').click();
    const note = uniqueText('read before the reload');
    await sendWithEnter(alice.page, note);
    await conversationItem(bob.page, alice.username).getByRole('button').click();
    await waitForMessage(bob.page, note);
    const seen = alice.page.getByRole('log', { name: 'Messages' }).getByText('Seen', { exact: true });
    await seen.waitFor();

    await alice.page.reload();
    await conversationItem(alice.page, bob.username).getByRole('button').click();
    await waitForMessage(alice.page, note);
    await seen.waitFor();
    expect(await seen.count()).toBe(1);
  });

  it("shows the other person's presence: online while they have the client open, offline once they close it, online again when they are back", async () => {
    const { alice, browser } = people;
    const carol = await registerPerson(browser, 1, 'carol');
    await openPrivateChat(alice.page, carol);
    const carolItem = conversationItem(alice.page, carol.username);
    await carolItem.getByText('online', { exact: true }).waitFor();
    await carol.context.close();
    await carolItem.getByText('offline', { exact: true }).waitFor();

    const back = await openClient(browser, 1);
    await back.page.getByLabel('Username').fill(carol.username);
    await back.page.getByLabel('Password').fill(carol.password);
    await back.page.getByRole('button', { name: 'Sign in' }).click();
    await waitOnline(back.page);
    await carolItem.getByText('online', { exact: true }).waitFor();
    await back.context.close();
  });

  it('reads the rest of a long list when it is scrolled to its end, each conversation once', async () => {
    const { alice } = people;
    const organiser = await newUser();
    const aliceId = await alice.userId();
    const prefix = uniqueText('many').replace(' ', '-');
    for (let i = 0; i < MANY_ROOMS; i += 1) {
      const created = await organiser.http.post('/rooms/create', { name: `${prefix}-${i}`, members: [aliceId] });
      expect(created.status).toBe(201);
    }
    await alice.page.reload();
    await conversationItem(alice.page, `${prefix}-${MANY_ROOMS - 1}`).waitFor();
    await alice.page.getByRole('button', { name: 'More conversations' }).waitFor();
    expect(await conversationItem(alice.page, `${prefix}-0`).count()).toBe(0);

    await alice.page.getByRole('navigation', { name: 'Chats' }).evaluate((element) => element.scrollTo({ top: element.scrollHeight }));
    await conversationItem(alice.page, `${prefix}-0`).waitFor();
    const names = await listOrder(alice.page);
    expect(names.filter((name) => name?.startsWith(`${prefix}-`))).toEqual(Array.from({ length: MANY_ROOMS }, (_, i) => `${prefix}-${MANY_ROOMS - 1 - i}`));
    expect(new Set(names).size).toBe(names.length);
  });
});
