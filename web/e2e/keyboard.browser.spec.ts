import type { Browser } from 'playwright-core';
import { newRegistration } from '@chatterroom/test/harness/system/test-users';
import { uniqueText } from '@chatterroom/test/harness/system/unique';
import { launchChromium } from './support/chromium';
import { tabTo } from './support/keyboard';
import { conversationItem, openClient, registerPerson, waitForMessage, waitOnline } from './support/people';

jest.setTimeout(120_000);

describe('the web client: keyboard only', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(() => browser?.close());

  it('creates an account, starts a private chat, creates a room and sends, with Tab, typing and Enter alone', async () => {
    const bob = await registerPerson(browser, 1, 'bob');
    const { context, page } = await openClient(browser, 0);
    const me = newRegistration('keys');
    await page.getByRole('button', { name: 'Sign in' }).waitFor();
    await tabTo(page, 'I am new here');
    await page.keyboard.press('Enter');
    await tabTo(page, 'Username');
    await page.keyboard.type(me.username);
    await tabTo(page, 'Email');
    await page.keyboard.type(me.email);
    await tabTo(page, 'Password');
    await page.keyboard.type(me.password);
    await page.keyboard.press('Enter');
    await waitOnline(page);

    await tabTo(page, 'Search people');
    await page.keyboard.type(bob.username);
    await page.keyboard.press('Enter');
    await page.getByRole('list', { name: 'People found' }).waitFor();
    await tabTo(page, `Chat with ${bob.username}`);
    await page.keyboard.press('Enter');
    await conversationItem(page, bob.username).waitFor();
    const text = uniqueText('typed');
    await tabTo(page, 'Message');
    await page.keyboard.type(text);
    await page.keyboard.press('Enter');
    await waitForMessage(page, text);
    await conversationItem(bob.page, me.username).getByRole('button').click();
    await waitForMessage(bob.page, text);

    await tabTo(page, 'New room');
    await page.keyboard.press('Enter');
    await tabTo(page, 'Room name');
    await page.keyboard.type('keyboard-room');
    await page.keyboard.press('Enter');
    await conversationItem(page, 'keyboard-room').waitFor();

    await tabTo(page, new RegExp(`^@ ${bob.username}`));
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: bob.username }).waitFor();
    await context.close();
    await bob.context.close();
  });
});
