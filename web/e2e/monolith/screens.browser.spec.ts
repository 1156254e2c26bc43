import { mkdirSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { seriousViolations } from '../support/axe';
import { capture, SHOTS } from '../support/screenshots';
import { addMemberByName, closeRoomDetails } from '../support/rooms';
import { launchChromium } from '../support/chromium';
import { conversationItem, openClient, openPrivateChat, registerPerson, sendWithEnter, waitForMessage, type Person } from '../support/people';

jest.setTimeout(180_000);

/** The main screens, photographed and checked for accessibility (runs in browser:monolith only: one set of pictures). */
describe('the web client: main screens', () => {
  let browser: Browser;
  let alice: Person;
  let bob: Person;

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    browser = await launchChromium();
  });
  afterAll(() => browser?.close());

  it('the accessibility check finds a field without a name (it can fail)', async () => {
    const { context, page } = await openClient(browser, 0);
    await page.getByRole('button', { name: 'Sign in' }).waitFor();
    await page.evaluate(() => {
      const doc = (globalThis as unknown as { document: { createElement(tag: string): object; body: { append(node: object): void } } }).document;
      doc.body.append(doc.createElement('input'));
    });
    expect((await seriousViolations(page)).map((violation) => violation.id)).toContain('label');
    await context.close();
  });

  it('the sign-in and create-account forms', async () => {
    const { context, page } = await openClient(browser, 0);
    await page.getByRole('button', { name: 'Sign in' }).waitFor();
    await capture(page, 'sign-in');
    await page.getByRole('button', { name: 'I am new here' }).click();
    await capture(page, 'create-account');
    await context.close();
  });

  it('the conversations, a private chat and a room, light and dark', async () => {
    alice = await registerPerson(browser, 0, 'alice');
    bob = await registerPerson(browser, 0, 'bob');
    await openPrivateChat(alice.page, bob);
    await sendWithEnter(alice.page, 'Hi Bob! Lunch at noon?');
    await conversationItem(bob.page, alice.username).getByRole('button').click();
    await waitForMessage(bob.page, 'Lunch at noon');
    await sendWithEnter(bob.page, 'Sure, see you there.');
    await waitForMessage(alice.page, 'see you there');
    await alice.page.getByRole('button', { name: 'New room' }).click();
    await alice.page.getByLabel('Room name').fill('design-review');
    await capture(alice.page, 'new-room');
    await alice.page.getByRole('button', { name: 'Create room' }).click();
    await conversationItem(alice.page, 'design-review').waitFor();
    await sendWithEnter(alice.page, 'Welcome to the design review room.');
    await addMemberByName(alice.page, bob.username);
    await closeRoomDetails(alice.page);
    await alice.page.getByText(/2 members/).waitFor();
    await conversationItem(bob.page, 'design-review').getByRole('button').click();
    await sendWithEnter(bob.page, 'Thanks! I will share the mock-ups here.');
    await waitForMessage(alice.page, 'mock-ups');
    await capture(alice.page, 'room');
    await conversationItem(alice.page, bob.username).getByRole('button').click();
    await waitForMessage(alice.page, 'see you there');
    await alice.page.getByRole('log', { name: 'Messages' }).getByText('Seen', { exact: true }).waitFor();
    await sendWithEnter(bob.page, 'Mock-ups are up.');
    await conversationItem(alice.page, 'design-review').getByText('1 unread').waitFor();
    await conversationItem(bob.page, alice.username).getByRole('button').click();
    await bob.page.getByRole('textbox', { name: 'Message', exact: true }).fill('On my way');
    await alice.page.getByRole('status', { name: 'Typing' }).filter({ hasText: 'is typing' }).waitFor();
    await capture(alice.page, 'private-chat');
    await alice.page.emulateMedia({ colorScheme: 'dark' });
    await capture(alice.page, 'private-chat-dark');
    await alice.page.emulateMedia({ colorScheme: 'light' });
    await alice.page.reload();
    await conversationItem(alice.page, 'design-review').getByText('1 unread').waitFor();
    await conversationItem(alice.page, bob.username).getByText('online', { exact: true }).waitFor();
    await capture(alice.page, 'conversations');
    await bob.context.setOffline(true);
    await bob.page.getByRole('status', { name: 'Connection' }).filter({ hasText: /Offline|Reconnecting/ }).waitFor();
    await capture(bob.page, 'offline');
    await bob.context.setOffline(false);
  });
});
