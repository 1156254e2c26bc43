import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { migrate, schemaVersionOf } from './sqlite-migrator';
import type { SqliteMigration } from './sqlite-migration';
import { scratchDir } from '@chatterroom/test/kits/sqlite/sqlite-scratch';
import { StorageError } from '../storage/storage-error';

const steps: SqliteMigration[] = [
  { version: 1, description: 'notes', up: 'CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT NOT NULL) STRICT;' },
  { version: 2, description: 'note authors', up: "ALTER TABLE notes ADD COLUMN author TEXT NOT NULL DEFAULT 'nobody';" },
];

describe('migrate (PRAGMA user_version)', () => {
  let dir: string;
  let db: DatabaseSync;
  beforeEach(() => {
    dir = scratchDir('migrator');
    db = new DatabaseSync(join(dir, 'test.db'));
  });
  afterEach(() => {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('creates a new file at the latest version', () => {
    expect(migrate(db, steps, 'test.db')).toEqual({ from: 0, to: 2 });
    expect(schemaVersionOf(db)).toBe(2);
    db.prepare("INSERT INTO notes (text, author) VALUES ('hi', 'ann')").run();
  });

  it('runs only the steps a file lacks, keeping its rows', () => {
    migrate(db, steps.slice(0, 1), 'test.db');
    db.prepare("INSERT INTO notes (text) VALUES ('written by v1')").run();
    expect(migrate(db, steps, 'test.db')).toEqual({ from: 1, to: 2 });
    expect({ ...db.prepare('SELECT text, author FROM notes').get() }).toEqual({ text: 'written by v1', author: 'nobody' });
    expect(migrate(db, steps, 'test.db')).toEqual({ from: 2, to: 2 });
  });

  it('refuses a file written by a newer version, and changes nothing', () => {
    migrate(db, steps, 'test.db');
    db.exec('PRAGMA user_version = 7');
    expect(() => migrate(db, steps, 'test.db')).toThrow(StorageError);
    expect(() => migrate(db, steps, 'test.db')).toThrow('test.db has schema version 7, but this build knows versions up to 2');
    expect(schemaVersionOf(db)).toBe(7);
  });

  it('rolls a failing step back whole, leaving the file at the version before it', () => {
    migrate(db, steps.slice(0, 1), 'test.db');
    const broken: SqliteMigration = { version: 2, description: 'broken', up: 'CREATE TABLE extra (id INTEGER); SELECT * FROM missing_table;' };
    expect(() => migrate(db, [steps[0]!, broken], 'test.db')).toThrow(/migration to schema version 2 \(broken\) failed: no such table: missing_table/);
    expect(schemaVersionOf(db)).toBe(1);
    expect(db.prepare("SELECT name FROM sqlite_master WHERE name = 'extra'").get()).toBeUndefined();
  });

  it('refuses migrations that are not numbered 1, 2, 3...', () => {
    expect(() => migrate(db, [steps[1]!], 'test.db')).toThrow(/numbered 1, 2, 3/);
  });
});
