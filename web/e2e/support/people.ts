import type { Browser, BrowserContext, Page } from 'playwright-core';
import { eventually } from '@chatterroom/test/harness/system/eventually';
import { gateway } from '@chatterroom/test/harness/system/system';
import { newRegistration } from '@chatterroom/test/harness/system/test-users';
import { uniqueText } from '@chatterroom/test/harness/system/unique';

/** Desktop and phone viewports the tests and screenshots use. */
export const DESKTOP = { width: 1280, height: 800 } as const;
export const PHONE = { width: 390, height: 780 } as const;

/** One person at a browser: their own context (storage, network), one page on one gateway. */
export interface Person {
  readonly username: string;
  readonly email: string;
  readonly password: string;
  readonly context: BrowserContext;
  readonly page: Page;
  /** Their user id, as the page shows it. */
  userId(): Promise<number>;
}

/** A gateway of the project's target by index, or any gateway by its HTTP URL. */
export type Where = number | string;

/**
 * Opens the client on a gateway in a fresh browser context, with every request that leaves
 * the gateway's origin recorded in `foreignRequests` (there must be none).
 */
export const openClient = async (browser: Browser, where: Where, viewport: { width: number; height: number } = DESKTOP) => {
  const origin = new URL(typeof where === 'number' ? gateway(where).httpUrl : where).origin;
  const context = await browser.newContext({ viewport, baseURL: origin });
  // The whole suite shares two cores with the servers under test: wait longer than Playwright's 30 s before calling a step failed.
  context.setDefaultTimeout(60_000);
  const foreignRequests: string[] = [];
  context.on('request', (request) => {
    const url = new URL(request.url());
    if (url.origin !== origin && url.protocol !== 'data:' && !(url.protocol === 'ws:' && url.host === new URL(origin).host)) foreignRequests.push(request.url());
  });
  const page = await context.newPage();
  await page.goto('/');
  return { context, page, foreignRequests };
};

/** A new person who creates an account through the page on a gateway and lands on their chats. */
export const registerPerson = async (browser: Browser, where: Where, label: string, viewport = DESKTOP): Promise<Person> => {
  const { username, email, password } = newRegistration(label);
  const { context, page } = await openClient(browser, where, viewport);
  await page.getByRole('button', { name: 'I am new here' }).click();
  await page.getByLabel('Username').fill(username);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Create account' }).click();
  await page.getByRole('button', { name: 'Sign out' }).waitFor();
  await waitOnline(page);
  return {
    username,
    email,
    password,
    context,
    page,
    userId: async () => Number(/ID (\d+)/.exec((await page.locator('.me').textContent()) ?? '')?.[1]),
  };
};

/** Waits until the page's live connection says it is online. */
export const waitOnline = (page: Page) => page.getByRole('status', { name: 'Connection' }).filter({ hasText: 'Online' }).waitFor();

/** The conversation list item named `title` (the peer's username or the room's name). */
export const conversationItem = (page: Page, title: string) =>
  page.getByRole('list', { name: 'Conversations' }).getByRole('listitem', { name: title, exact: true });

/** The message log of the open conversation. */
export const messageLog = (page: Page) => page.getByRole('log', { name: 'Messages' });

/** Types `text` in the Message field and presses Enter. */
export const sendWithEnter = async (page: Page, text: string) => {
  const box = page.getByRole('textbox', { name: 'Message', exact: true });
  await box.fill(text);
  await box.press('Enter');
  await eventually(async () => expect(await box.inputValue()).toBe(''), { timeoutMs: 10_000 });
};

/** Starts (or opens) the private chat with `other`: their username in "Search people", then the person found. */
export const openPrivateChat = async (page: Page, other: Person) => {
  await page.getByLabel('Search people').fill(other.username);
  await page.getByRole('button', { name: 'Search', exact: true }).click();
  await page.getByRole('list', { name: 'People found' }).getByRole('button', { name: `Chat with ${other.username}` }).click();
  await conversationItem(page, other.username).waitFor();
};

/** The messages of the open conversation whose text contains `text`. */
export const messagesWith = (page: Page, text: string) => messageLog(page).locator('article p', { hasText: text });

/** Waits until the open conversation shows `text`. */
export const waitForMessage = (page: Page, text: string) => messagesWith(page, text).first().waitFor();

/** Sends a unique message from `from` and waits until `to` shows it: the live path both ways in one call. */
export const exchange = async (from: Page, to: Page, label: string): Promise<string> => {
  const text = uniqueText(label);
  await sendWithEnter(from, text);
  await waitForMessage(to, text);
  return text;
};
