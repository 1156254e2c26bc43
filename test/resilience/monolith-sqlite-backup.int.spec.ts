import { readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { scratchDir } from '@chatterroom/test/kits/sqlite/sqlite-scratch';
import { HttpClient, newUserOn, roomWith, sendToRoom, uniqueText, type Json, type TestUser } from '@chatterroom/test/harness/system';
import type { RunningTarget } from '@chatterroom/test/harness/system/targets/running-target';
import { startMonolith } from '@chatterroom/test/harness/system/targets/monolith.target';
import { fullRoomHistory } from './support/full-history';
import { runMain, type MainOutcome } from './support/run-main';
import { processNamed, StartedProcesses, targetOptions } from './support/started-processes';

/*
 * Issue 8: `node dist/src/main.js backup <dir>` copies a consistent snapshot of DATA_DIR while
 * the server runs and takes writes; a second server started on the copy (the documented
 * restore: the copied files as its DATA_DIR) has the data as it was at the backup.
 */

jest.setTimeout(120_000);

describe('backup of a running monolith on SQLite, restored into a second one', () => {
  const started = new StartedProcesses();
  const workDir = scratchDir('backup-test');
  const copyDir = join(workDir, 'copy');
  let original: RunningTarget;
  let alice: TestUser;
  let bob: TestUser;
  let roomId: number;
  let backup: MainOutcome;
  let historyAtBackup: Json[];
  let restored: RunningTarget;

  beforeAll(async () => {
    original = started.addTarget(await startMonolith(targetOptions({})));
    alice = await newUserOn(original.endpoints);
    bob = await newUserOn(original.endpoints);
    roomId = await roomWith(alice, bob);
    for (let i = 0; i < 5; i += 1) await sendToRoom(alice, roomId, uniqueText('before the backup'));

    const dataDir = processNamed(original, 'monolith').env.DATA_DIR!;
    let sending = true;
    const sendsDuringBackup = (async () => {
      while (sending) await sendToRoom(bob, roomId, uniqueText('during the backup'));
    })();
    backup = await runMain(['backup', copyDir], { DATA_DIR: dataDir });
    sending = false;
    await sendsDuringBackup;
    await sendToRoom(alice, roomId, uniqueText('after the backup'));

    restored = started.addTarget(await startMonolith(targetOptions({ DATA_DIR: copyDir })));
    historyAtBackup = await fullRoomHistory(new HttpClientUser(restored, alice).user, roomId);
  });

  afterAll(async () => {
    await started.cleanUp();
    rmSync(workDir, { recursive: true, force: true });
  }, 60_000);

  it('exits 0 and reports each file it wrote', () => {
    expect(backup.status).toBe(0);
    expect(backup.stdout).toMatch(new RegExp(`^backed up ${join(copyDir, 'chat.db')} \\(\\d+ bytes\\)$`, 'm'));
    expect(backup.stdout).toMatch(new RegExp(`^backed up ${join(copyDir, 'users.db')} \\(\\d+ bytes\\)$`, 'm'));
    expect(readdirSync(copyDir).filter((name) => name.endsWith('.db')).sort()).toEqual(['chat.db', 'users.db']);
  });

  it('restores accounts: the copy signs users in with their passwords and old tokens', async () => {
    const anonymous = new HttpClient(restored.endpoints.gateways[0]!.httpUrl);
    const signedIn = await anonymous.post('/users/authenticate', { username: bob.username, password: bob.password });
    expect(signedIn.status).toBe(200);
    const me = await anonymous.withToken(alice.http.token).get(`/users/${alice.userId}`);
    expect(me.body).toEqual({ userId: alice.userId, username: alice.username, email: alice.email, presence: expect.any(Object) });
  });

  it('restores a consistent history: everything before the backup, numbered 1..n without a gap, nothing sent after it', () => {
    const texts = historyAtBackup.map((message) => message.message as string);
    expect(texts.slice(0, 5).every((text) => text.startsWith('before the backup'))).toBe(true);
    expect(texts.some((text) => text.startsWith('after the backup'))).toBe(false);
    expect(historyAtBackup.map((message) => message.seq)).toEqual(historyAtBackup.map((_, index) => index + 1));
  });

  it('leaves the running server serving: it has every message, the copy a prefix of them', async () => {
    const live = await fullRoomHistory(alice, roomId);
    expect(live.slice(0, historyAtBackup.length)).toEqual(historyAtBackup);
    expect(live.at(-1)?.message).toMatch(/^after the backup/);
  });

  it('refuses to write into a directory that is not empty, and a DATA_DIR with nothing to back up', async () => {
    const busy = join(workDir, 'busy');
    await runMain(['backup', busy], { DATA_DIR: processNamed(original, 'monolith').env.DATA_DIR! });
    writeFileSync(join(busy, 'note'), 'x');
    const refused = await runMain(['backup', busy], { DATA_DIR: processNamed(original, 'monolith').env.DATA_DIR! });
    expect(refused).toMatchObject({ status: 1, stderr: expect.stringMatching(/backup failed: .*backup target .* is not an empty directory/) });
    const empty = await runMain(['backup', join(workDir, 'none')], { DATA_DIR: join(workDir, 'empty-data-dir') });
    expect(empty).toMatchObject({ status: 1, stderr: expect.stringMatching(/nothing to back up: DATA_DIR .* has no chat\.db, users\.db/) });
  });
});

/** A test user's token pointed at another target. */
class HttpClientUser {
  readonly user: TestUser;
  constructor(target: RunningTarget, user: TestUser) {
    this.user = { ...user, http: new HttpClient(target.endpoints.gateways[0]!.httpUrl, user.http.token) };
  }
}
