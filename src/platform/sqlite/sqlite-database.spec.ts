import { chmodSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { DomainError } from '@chatterroom/kernel';
import { prepareDataDir } from './data-dir';
import { SqliteDatabase } from './sqlite-database';
import type { SqliteMigration } from './sqlite-migration';
import { scratchDir } from '@chatterroom/test/kits/sqlite/sqlite-scratch';
import { StorageError } from '../storage/storage-error';

const steps: SqliteMigration[] = [
  { version: 1, description: 'items', up: 'CREATE TABLE items (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE) STRICT;' },
];

describe('SqliteDatabase', () => {
  let dir: string;
  const opened: SqliteDatabase[] = [];
  const open = (file = join(dir, 'items.db')) => {
    const database = SqliteDatabase.open({ file, migrations: steps });
    opened.push(database);
    return database;
  };
  const insert = (database: SqliteDatabase, name: string) =>
    database.write((db) => Number(db.prepare('INSERT INTO items (name) VALUES (?)').run(name).lastInsertRowid));
  const names = (database: SqliteDatabase) => database.db.prepare('SELECT name FROM items ORDER BY id').all().map((row) => row.name);

  beforeEach(() => {
    dir = scratchDir('database');
  });
  afterEach(() => {
    opened.splice(0).forEach((database) => database.close());
    rmSync(dir, { recursive: true, force: true });
  });

  it('opens in WAL mode with synchronous FULL and foreign keys on', () => {
    const { db } = open();
    expect(db.prepare('PRAGMA journal_mode').get()).toEqual(expect.objectContaining({ journal_mode: 'wal' }));
    expect(db.prepare('PRAGMA synchronous').get()).toEqual(expect.objectContaining({ synchronous: 2 }));
    expect(db.prepare('PRAGMA foreign_keys').get()).toEqual(expect.objectContaining({ foreign_keys: 1 }));
  });

  it('commits the writes asked for together, each in order, rejecting only the one that fails', async () => {
    const database = open();
    const results = await Promise.allSettled([insert(database, 'a'), insert(database, 'b'), insert(database, 'a'), insert(database, 'c')]);
    expect(results.map((result) => result.status)).toEqual(['fulfilled', 'fulfilled', 'rejected', 'fulfilled']);
    expect(names(database)).toEqual(['a', 'b', 'c']);
  });

  it('keeps committed writes for the next opening of the file', async () => {
    const database = open();
    await insert(database, 'kept');
    database.close();
    expect(names(open())).toEqual(['kept']);
  });

  it('commits queued writes when closed', async () => {
    const database = open();
    const pending = insert(database, 'late');
    database.close();
    await expect(pending).resolves.toBe(1);
    expect(names(open())).toEqual(['late']);
  });

  it('answers a write the disk cannot take with STORAGE_UNAVAILABLE, stores nothing of it, and writes again once there is room', async () => {
    const database = open();
    await insert(database, 'before');
    const pages = Number((database.db.prepare('PRAGMA page_count').get() as { page_count: number }).page_count);
    database.db.exec(`PRAGMA max_page_count = ${pages}`);
    const refused = await insert(database, 'x'.repeat(100_000)).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(DomainError);
    expect(refused).toMatchObject({ code: 'STORAGE_UNAVAILABLE', kind: 'unavailable', message: expect.stringMatching(/disk holding DATA_DIR is full/) });
    expect(names(database)).toEqual(['before']);
    database.db.exec('PRAGMA max_page_count = 1073741823');
    await insert(database, 'after');
    expect(names(database)).toEqual(['before', 'after']);
  });

  it('refuses a file that is not a database, naming it, and leaves it as it was', () => {
    const file = join(dir, 'garbage.db');
    writeFileSync(file, 'this is not a database, just some text that fills the header and more'.repeat(20));
    expect(() => open(file)).toThrow(StorageError);
    expect(() => open(file)).toThrow(`${file} is not a SQLite database`);
  });

  it('refuses a file written by a newer version', () => {
    const file = join(dir, 'newer.db');
    const db = new DatabaseSync(file);
    db.exec('PRAGMA user_version = 3');
    db.close();
    expect(() => open(file)).toThrow(`${file} has schema version 3, but this build knows versions up to 1`);
  });
});

describe('prepareDataDir', () => {
  let dir: string;
  beforeEach(() => {
    dir = scratchDir('data-dir');
  });
  afterEach(() => {
    chmodSync(dir, 0o700);
    rmSync(dir, { recursive: true, force: true });
  });

  it('creates a missing directory and its parents', () => {
    expect(prepareDataDir(join(dir, 'a', 'b'))).toBe(join(dir, 'a', 'b'));
  });

  it('refuses a path that is a file', () => {
    const file = join(dir, 'file');
    writeFileSync(file, '');
    expect(() => prepareDataDir(file)).toThrow(new StorageError(`DATA_DIR ${file} is a file, not a directory`));
  });

  it('refuses a path below a file', () => {
    const file = join(dir, 'file');
    writeFileSync(file, '');
    expect(() => prepareDataDir(join(file, 'below'))).toThrow(/^DATA_DIR .* cannot be created/);
  });

  it('refuses a directory this process cannot write', () => {
    // root may write any ordinary directory whatever its mode, but no process creates files in /proc/self
    const asRoot = process.getuid?.() === 0;
    const readOnly = asRoot ? '/proc/self' : join(dir, 'read-only');
    if (!asRoot) mkdirSync(readOnly, { mode: 0o555 });
    expect(() => prepareDataDir(readOnly)).toThrow(/^DATA_DIR .* is not writable by this process/);
  });
});

describe('SqliteDatabase on a full disk', () => {
  it('fails every write of a batch SQLite abandoned, keeps none of them, and keeps serving', async () => {
    const dir = scratchDir('full');
    const database = SqliteDatabase.open({ file: join(dir, 'items.db'), migrations: steps });
    const pages = Number((database.db.prepare('PRAGMA page_count').get() as { page_count: number }).page_count);
    database.db.exec(`PRAGMA max_page_count = ${pages}`);
    const write = (name: string) => database.write((db) => db.prepare('INSERT INTO items (name) VALUES (?)').run(name));
    const results = await Promise.allSettled([write('small'), write('y'.repeat(100_000)), write('after')]);
    expect(results.map((result) => result.status)).toEqual(['rejected', 'rejected', 'rejected']);
    expect(database.db.prepare('SELECT count(*) AS n FROM items').get()).toEqual(expect.objectContaining({ n: 0 }));
    database.db.exec('PRAGMA max_page_count = 1073741823');
    await write('later');
    database.close();
    rmSync(dir, { recursive: true, force: true });
  });
});
