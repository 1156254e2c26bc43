import { mkdirSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { createRoomWith } from '@chatterroom/test/harness/system/room-actions';
import { newUser } from '@chatterroom/test/harness/system/test-users';
import { launchChromium } from '../support/chromium';
import { conversationItem, registerPerson, sendWithEnter, waitForMessage } from '../support/people';
import { addMemberByName, createRoom, memberItem, messageItem, roomDetails } from '../support/rooms';
import { capture, SHOTS } from '../support/screenshots';

jest.setTimeout(240_000);

/** The screens of running rooms and editing messages, photographed and checked for accessibility (browser:monolith only). */
describe('the web client: room and message screens', () => {
  let browser: Browser;

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    browser = await launchChromium();
  });
  afterAll(() => browser?.close());

  it('the room directory, a room’s details, editing and deleting messages, deleting a room', async () => {
    const alice = await registerPerson(browser, 0, 'alice');
    const bob = await registerPerson(browser, 0, 'bob');
    const carol = await registerPerson(browser, 0, 'carol');
    const host = await newUser(0);
    for (const name of ['launch-planning', 'launch-marketing', 'launch-support']) await createRoomWith(host, { name });

    await alice.page.getByRole('button', { name: 'Browse rooms' }).click();
    await alice.page.getByLabel('Search rooms').fill('launch-');
    await alice.page.getByRole('list', { name: 'Public rooms' }).getByRole('listitem', { name: 'launch-support' }).first().waitFor();
    await capture(alice.page, 'room-directory');
    await alice.page.getByRole('button', { name: 'Close' }).click();

    await createRoom(alice.page, 'release-crew', 'private');
    await addMemberByName(alice.page, bob.username);
    await addMemberByName(alice.page, carol.username);
    await (await memberItem(alice.page, bob.username)).getByRole('button', { name: `Make admin (${bob.username})` }).click();
    await (await memberItem(alice.page, bob.username)).getByText('admin', { exact: true }).waitFor();
    await sendWithEnter(alice.page, 'Release candidate is out: please test the installer.');
    await conversationItem(bob.page, 'release-crew').getByRole('button').click();
    await sendWithEnter(bob.page, 'On it. Windows build looks good so far.');
    await waitForMessage(alice.page, 'Windows build');
    await capture(alice.page, 'room-details');
    await alice.page.emulateMedia({ colorScheme: 'dark' });
    await capture(alice.page, 'room-details-dark');
    await alice.page.emulateMedia({ colorScheme: 'light' });
    await alice.page.getByRole('region', { name: 'Room details' }).getByRole('button', { name: 'Close' }).click();

    await sendWithEnter(alice.page, 'Sign-off meeting at 15:00 tomorow.');
    await messageItem(alice.page, 'tomorow').hover();
    await messageItem(alice.page, 'tomorow').getByRole('button', { name: 'Edit' }).click();
    await alice.page.getByRole('textbox', { name: 'Edit message' }).fill('Sign-off meeting at 15:00 tomorrow.');
    await capture(alice.page, 'message-edit');
    await alice.page.getByRole('button', { name: 'Save' }).click();
    await messageItem(bob.page, 'tomorrow').getByText('edited').waitFor();
    await sendWithEnter(bob.page, 'Wrong room, sorry!');
    await messageItem(bob.page, 'Wrong room').hover();
    await messageItem(bob.page, 'Wrong room').getByRole('button', { name: 'Delete' }).click();
    await capture(bob.page, 'message-delete-confirm');
    await bob.page.getByRole('button', { name: 'Yes, delete' }).click();
    await alice.page.getByRole('article', { name: 'Deleted message' }).waitFor();
    await capture(alice.page, 'messages-edited-deleted');

    const panel = await roomDetails(alice.page);
    await panel.getByRole('button', { name: 'Delete room' }).click();
    await capture(alice.page, 'room-delete-confirm');
    await panel.getByRole('button', { name: 'Yes, delete the room' }).click();
    await bob.page.getByRole('status').filter({ hasText: 'The room “release-crew” was deleted.' }).waitFor();
    await capture(bob.page, 'room-deleted');
  });
});
