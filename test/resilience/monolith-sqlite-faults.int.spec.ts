import { chmodSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { scratchDir } from '@chatterroom/test/kits/sqlite/sqlite-scratch';
import { runMain, type MainOutcome } from './support/run-main';

/*
 * Issue 8, bad input and faults: a DATA_DIR the monolith cannot use, or a database it must not
 * read, stops the start with a message naming the problem and DATA_DIR, exit code 1, and
 * never a server on a silently empty database. Each case starts a real process.
 */

jest.setTimeout(60_000);

const NOBODY = 65_534;
const asRoot = process.getuid?.() === 0;

const expectRefusedStart = (outcome: MainOutcome, problem: RegExp): void => {
  expect({ status: outcome.status, stderr: outcome.stderr }).toEqual({ status: 1, stderr: expect.stringMatching(problem) });
  expect(outcome.stderr).toMatch(/^chatterroom failed to start: (storage|configuration) error: /m);
  expect(outcome.stderr).not.toMatch(/Server listening/);
};

describe('monolith on SQLite: refusing storage it cannot use', () => {
  let dir: string;
  beforeEach(() => {
    dir = scratchDir('faults');
  });
  afterEach(() => {
    chmodSync(dir, 0o700);
    rmSync(dir, { recursive: true, force: true });
  });

  it('refuses a DATA_DIR that is a file', async () => {
    const file = join(dir, 'not-a-dir');
    writeFileSync(file, 'x');
    expectRefusedStart(await runMain(['monolith'], { DATA_DIR: file }), new RegExp(`DATA_DIR ${file} is a file, not a directory`));
  });

  it('refuses a DATA_DIR it cannot write (run as an unprivileged user when the tests run as root)', async () => {
    const dataDir = join(dir, 'read-only');
    mkdirSync(dataDir, { mode: 0o555 });
    chmodSync(dir, 0o755);
    const outcome = await runMain(['monolith'], { DATA_DIR: dataDir }, asRoot ? { uid: NOBODY, gid: NOBODY } : {});
    expectRefusedStart(outcome, new RegExp(`DATA_DIR ${dataDir} is not writable by this process`));
  });

  it('refuses a corrupt database file, naming it and DATA_DIR, and leaves the file as it was', async () => {
    const garbage = Buffer.from('SQLite format 2? no: these bytes were never a database. '.repeat(200));
    writeFileSync(join(dir, 'chat.db'), garbage);
    expectRefusedStart(await runMain(['monolith'], { DATA_DIR: dir }), new RegExp(`${join(dir, 'chat.db')} is not a SQLite database.*\\(DATA_DIR=${dir}\\)`));
    expect(readFileSync(join(dir, 'chat.db'))).toEqual(garbage);
  });

  it('refuses a database written by a newer version, and leaves its version alone', async () => {
    const file = join(dir, 'users.db');
    const db = new DatabaseSync(file);
    db.exec('CREATE TABLE from_the_future (id INTEGER); PRAGMA user_version = 99;');
    db.close();
    expectRefusedStart(
      await runMain(['monolith'], { DATA_DIR: dir }),
      new RegExp(`${file} has schema version 99, but this build knows versions up to \\d+: it was written by a newer ChatterRoom.*\\(DATA_DIR=${dir}\\)`),
    );
    const after = new DatabaseSync(file, { readOnly: true });
    expect(after.prepare('PRAGMA user_version').get()).toEqual(expect.objectContaining({ user_version: 99 }));
    after.close();
  });

  it('refuses MONGO_URL beside STORAGE=sqlite rather than guess', async () => {
    expectRefusedStart(await runMain(['monolith'], { STORAGE: 'sqlite', MONGO_URL: 'mongodb://127.0.0.1:1/x', DATA_DIR: dir }), /MONGO_URL is set but STORAGE=sqlite/);
  });
});
