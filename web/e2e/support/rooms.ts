import type { Page } from 'playwright-core';
import { conversationItem, messageLog } from './people';

/** Creates a room through "New room" and waits until it is open; returns its room ID as the header shows it. */
export const createRoom = async (page: Page, name: string, visibility: 'public' | 'private' = 'public'): Promise<number> => {
  await page.getByRole('button', { name: 'New room' }).click();
  await page.getByLabel('Room name').fill(name);
  await page.getByRole('radio', { name: visibility === 'private' ? /Private/ : /Public/ }).check();
  await page.getByRole('button', { name: 'Create room' }).click();
  await conversationItem(page, name).waitFor();
  await page.getByRole('heading', { name: `# ${name}` }).waitFor();
  return Number(/Room ID (\d+)/.exec((await page.locator('.conversation-header').getByText(/Room ID \d+/).first().textContent()) ?? '')?.[1]);
};

/**
 * Joins room `roomId` through "Room ID" and "Join", and waits until it is open (its heading shows),
 * not only listed: the `room.joined` push can list it before the join's own answer opens it, and
 * what is typed meanwhile goes to the conversation still open.
 */
export const joinRoomById = async (page: Page, roomId: string | number, name: string): Promise<void> => {
  await page.getByLabel('Room ID').fill(String(roomId));
  await page.getByRole('button', { name: 'Join', exact: true }).click();
  await conversationItem(page, name).waitFor();
  await page.getByRole('heading', { name: `# ${name}` }).waitFor();
};

/** The open room's details panel (opened by "Room details" when it is not open). */
export const roomDetails = async (page: Page) => {
  const panel = page.getByRole('region', { name: 'Room details' });
  if (!(await panel.isVisible())) await page.getByRole('button', { name: 'Room details' }).click();
  await panel.getByRole('list', { name: 'Members' }).waitFor();
  return panel;
};

/** Closes the details panel. */
export const closeRoomDetails = async (page: Page) => {
  await page.getByRole('region', { name: 'Room details' }).getByRole('button', { name: 'Close' }).click();
  await page.getByRole('region', { name: 'Room details' }).waitFor({ state: 'detached' });
};

/** The member `username` in the open room's panel. */
export const memberItem = async (page: Page, username: string) => (await roomDetails(page)).getByRole('list', { name: 'Members' }).getByRole('listitem', { name: username, exact: true });

/** Adds `username` to the open room through "Person to add" and "Add member", and waits until the panel lists them. */
export const addMemberByName = async (page: Page, username: string) => {
  const panel = await roomDetails(page);
  await panel.getByLabel('Person to add').fill(username);
  await panel.getByRole('button', { name: 'Add member' }).click();
  await panel.getByRole('list', { name: 'Members' }).getByRole('listitem', { name: username, exact: true }).waitFor();
};

/** The message (an article of the log) whose text contains `text`. */
export const messageItem = (page: Page, text: string) => messageLog(page).getByRole('article').filter({ hasText: text });
