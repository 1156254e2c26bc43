import { uniqueSuffix, uniqueText } from '@chatterroom/test/harness/system/unique';
import { createRoomWith } from '@chatterroom/test/harness/system/room-actions';
import { eventually } from '@chatterroom/test/harness/system/eventually';
import { newUser } from '@chatterroom/test/harness/system/test-users';
import { tabTo } from './support/keyboard';
import { conversationItem, messageLog, sendWithEnter, waitForMessage } from './support/people';
import { addMemberByName, closeRoomDetails, createRoom, memberItem, messageItem, roomDetails } from './support/rooms';
import { withTwoPeople } from './support/two-people';

jest.setTimeout(240_000);

/** Running rooms and editing messages, two people in two browser contexts (on split, one per gateway). */
describe('the web client: rooms people run, and messages they edit', () => {
  const people = withTwoPeople();
  let roomName = '';

  it('a private room is invisible to others until its owner adds them, makes them admin, renames it and makes it public, all live', async () => {
    const { alice, bob } = people;
    roomName = `secret-${uniqueSuffix()}`;
    const roomId = await createRoom(alice.page, roomName, 'private');

    await bob.page.getByRole('button', { name: 'Browse rooms' }).click();
    await bob.page.getByLabel('Search rooms').fill(roomName);
    await bob.page.getByRole('status').filter({ hasText: 'No public room by that name.' }).waitFor();
    await bob.page.getByRole('button', { name: 'Close' }).click();
    await bob.page.getByLabel('Room ID').fill(String(roomId));
    await bob.page.getByRole('button', { name: 'Join', exact: true }).click();
    await bob.page.getByRole('alert').filter({ hasText: `Room ${roomId} does not exist` }).waitFor();
    await bob.page.getByRole('button', { name: 'Dismiss' }).click();
    expect(await conversationItem(bob.page, roomName).count()).toBe(0);

    await addMemberByName(alice.page, bob.username);
    expect(await (await memberItem(alice.page, bob.username)).getByText('member', { exact: true }).count()).toBe(1);
    await conversationItem(bob.page, roomName).getByRole('button').click();
    await bob.page.getByText(/Private · 2 members · you are member/).waitFor();

    // Bob's own panel: a member of a private room sees the members, and no control to add or change anyone.
    const bobsPanel = await roomDetails(bob.page);
    expect(await bobsPanel.getByLabel('Person to add').count()).toBe(0);
    await (await memberItem(alice.page, bob.username)).getByRole('button', { name: `Make admin (${bob.username})` }).click();
    await (await memberItem(alice.page, bob.username)).getByText('admin', { exact: true }).waitFor();
    await (await memberItem(bob.page, bob.username)).getByText('admin', { exact: true }).waitFor();
    await bob.page.getByText(/Private · 2 members · you are admin/).waitFor();
    // An admin adds and removes, but neither changes roles nor deletes the room: the panel follows at once.
    await bobsPanel.getByLabel('Person to add').waitFor();
    expect(await bobsPanel.getByRole('button', { name: /^Make / }).count()).toBe(0);
    expect(await bobsPanel.getByRole('button', { name: 'Delete room' }).count()).toBe(0);
    await closeRoomDetails(bob.page);

    const renamed = `renamed-${uniqueSuffix()}`;
    const panel = await roomDetails(alice.page);
    await panel.getByLabel('Name', { exact: true }).fill(renamed);
    await panel.getByRole('button', { name: 'Save changes' }).click();
    await conversationItem(bob.page, renamed).waitFor();
    await bob.page.getByRole('heading', { name: `# ${renamed}` }).waitFor();
    roomName = renamed;
    await panel.getByLabel('Visibility').selectOption('public');
    await panel.getByRole('button', { name: 'Save changes' }).click();
    await bob.page.getByText(/Public · 2 members · you are admin/).waitFor();
    await closeRoomDetails(alice.page);
  });

  it('edits and deletes a message, keyboard only, and the other sees both live; an admin deletes the owner’s message', async () => {
    const { alice, bob } = people;
    const first = uniqueText('first draft');
    await sendWithEnter(alice.page, first);
    await waitForMessage(bob.page, first);

    await messageLog(alice.page).focus();
    await tabTo(alice.page, 'Edit');
    await alice.page.keyboard.press('Enter');
    const box = alice.page.getByRole('textbox', { name: 'Edit message' });
    await box.waitFor();
    const fixed = uniqueText('fixed text');
    await alice.page.keyboard.press('ControlOrMeta+a');
    await alice.page.keyboard.type(fixed);
    await alice.page.keyboard.press('Enter');
    await messageItem(alice.page, fixed).getByText('edited').waitFor();
    await messageItem(bob.page, fixed).getByText('edited').waitFor();
    expect(await messageItem(bob.page, first).count()).toBe(0);
    expect(await messageItem(bob.page, fixed).getByRole('button', { name: 'Edit' }).count()).toBe(0);

    await tabTo(alice.page, 'Delete');
    await alice.page.keyboard.press('Enter');
    await alice.page.getByRole('button', { name: 'Yes, delete' }).waitFor();
    await alice.page.keyboard.press('Enter');
    await messageLog(bob.page).getByRole('article', { name: 'Deleted message' }).first().waitFor();
    expect(await messageItem(bob.page, fixed).count()).toBe(0);
    const logHasFocus = () => messageLog(alice.page).evaluate((log) => (log as unknown as { ownerDocument: { activeElement: unknown } }).ownerDocument.activeElement === log);
    await eventually(async () => expect(await logHasFocus()).toBe(true), { timeoutMs: 10_000 });

    const second = uniqueText('owner says');
    await sendWithEnter(alice.page, second);
    await messageItem(bob.page, second).hover();
    await messageItem(bob.page, second).getByRole('button', { name: 'Delete' }).click();
    await bob.page.getByRole('button', { name: 'Yes, delete' }).click();
    await messageItem(alice.page, second).waitFor({ state: 'detached' });
    expect(await messageLog(alice.page).getByRole('article', { name: 'Deleted message' }).count()).toBe(2);
  });

  it('finds a public room in the directory by part of its name, page by page, joins it, and sees it go when removed', async () => {
    const { bob } = people;
    const tag = uniqueSuffix();
    const owner = await newUser(0);
    const roomIds: number[] = [];
    for (let i = 0; i < 21; i += 1) roomIds.push(await createRoomWith(owner, { name: `lobby-${tag}-${String(i).padStart(2, '0')}` }));
    const wanted = `lobby-${tag}-20`;

    await bob.page.getByRole('button', { name: 'Browse rooms' }).click();
    await bob.page.getByLabel('Search rooms').fill(`LOBBY-${tag}`);
    const rooms = bob.page.getByRole('list', { name: 'Public rooms' });
    await rooms.getByRole('listitem').nth(19).waitFor();
    expect(await rooms.getByRole('listitem').count()).toBe(20);
    await bob.page.getByRole('button', { name: 'More rooms' }).click();
    await rooms.getByRole('listitem', { name: wanted }).getByText('1 member').waitFor();
    await rooms.getByRole('listitem', { name: wanted }).getByRole('button', { name: `Join ${wanted}` }).click();
    await bob.page.getByRole('heading', { name: `# ${wanted}` }).waitFor();
    await conversationItem(bob.page, wanted).waitFor();
    await bob.page.getByText(/Public · 2 members · you are member/).waitFor();


    // Its owner removes Bob (over the API): the room leaves his list with a notice saying why.
    const removed = await owner.http.delete(`/rooms/${roomIds[20]}/members/${await bob.userId()}`);
    expect(removed.status).toBe(200);
    await conversationItem(bob.page, wanted).waitFor({ state: 'detached' });
    await bob.page.getByRole('status').filter({ hasText: `You were removed from the room “${wanted}”.` }).waitFor();
  });

  it('the owner deletes the room after confirming, and the other sees it go live', async () => {
    const { alice, bob } = people;
    await conversationItem(alice.page, roomName).getByRole('button').click();
    const panel = await roomDetails(alice.page);
    await panel.getByRole('button', { name: 'Delete room' }).click();
    await panel.getByRole('button', { name: 'Yes, delete the room' }).click();
    await conversationItem(alice.page, roomName).waitFor({ state: 'detached' });
    await conversationItem(bob.page, roomName).waitFor({ state: 'detached' });
    await bob.page.getByRole('status').filter({ hasText: `The room “${roomName}” was deleted.` }).waitFor();
  });
});
