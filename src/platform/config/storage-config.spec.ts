import { ConfigError } from './env-reader';
import { readStorageConfig } from './storage-config';

const MONGO_URL = 'mongodb://127.0.0.1:27017/chatterroom';

describe('readStorageConfig', () => {
  it('defaults to SQLite in ./data', () => {
    expect(readStorageConfig({})).toEqual({ kind: 'sqlite', dataDir: './data' });
    expect(readStorageConfig({ DATA_DIR: '/var/lib/chatterroom' })).toEqual({ kind: 'sqlite', dataDir: '/var/lib/chatterroom' });
  });

  it('selects MongoDB when MONGO_URL is set and STORAGE is not, as before STORAGE existed', () => {
    expect(readStorageConfig({ MONGO_URL })).toEqual({ kind: 'mongo', mongoUrl: MONGO_URL });
    expect(readStorageConfig({ MONGO_URL, STORAGE: 'mongo' })).toEqual({ kind: 'mongo', mongoUrl: MONGO_URL });
  });

  it('keeps data in memory on STORAGE=memory', () => {
    expect(readStorageConfig({ STORAGE: 'memory' })).toEqual({ kind: 'memory' });
  });

  it('refuses contradictions and unknown values, naming the variables', () => {
    expect(() => readStorageConfig({ STORAGE: 'mongo' })).toThrow(new ConfigError('STORAGE=mongo needs MONGO_URL (mongodb://host:27017/<database>)'));
    expect(() => readStorageConfig({ STORAGE: 'sqlite', MONGO_URL })).toThrow(/MONGO_URL is set but STORAGE=sqlite/);
    expect(() => readStorageConfig({ STORAGE: 'memory', MONGO_URL })).toThrow(/MONGO_URL is set but STORAGE=memory/);
    expect(() => readStorageConfig({ STORAGE: 'postgres' })).toThrow(new ConfigError('STORAGE must be one of sqlite, memory, mongo, got "postgres"'));
    expect(() => readStorageConfig({ MONGO_URL: 'http://x' })).toThrow(/MONGO_URL/);
  });
});
