import type { Browser } from 'playwright-core';
import { launchChromium } from './support/chromium';
import { openClient, registerPerson, waitOnline } from './support/people';

jest.setTimeout(120_000);

describe('the web client: accounts', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(() => browser?.close());

  it('is served at / with its own assets only, and creates an account that lands on the chats', async () => {
    const { context, page, foreignRequests } = await openClient(browser, 0);
    await page.getByRole('button', { name: 'Sign in' }).waitFor();
    expect(await page.title()).toBe('ChatterRoom');
    await context.close();
    expect(foreignRequests).toEqual([]);
    const person = await registerPerson(browser, 0, 'signup');
    expect(await person.page.locator('.me').textContent()).toContain(person.username);
    await person.context.close();
  });

  it('signs out (the session ends) and signs in again with the same password', async () => {
    const person = await registerPerson(browser, 0, 'again');
    const { page } = person;
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('button', { name: 'Sign in' }).waitFor();
    await page.getByLabel('Username').fill(person.username);
    await page.getByLabel('Password').fill(person.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await waitOnline(page);
    await page.reload();
    await waitOnline(page);
    await person.context.close();
  });

  it('says why when the password is wrong, and stays on the sign-in form', async () => {
    const person = await registerPerson(browser, 0, 'wrongpw');
    await person.page.getByRole('button', { name: 'Sign out' }).click();
    await person.page.getByLabel('Username').fill(person.username);
    await person.page.getByLabel('Password').fill('not the password');
    await person.page.getByRole('button', { name: 'Sign in' }).click();
    await person.page.getByRole('alert').filter({ hasText: /password/i }).waitFor();
    await person.context.close();
  });
});
