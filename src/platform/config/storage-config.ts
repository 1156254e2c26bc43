import { ConfigError, EnvReader } from './env-reader';
import { readOptionalMongoUrl } from './app-config';

type Env = Readonly<Record<string, string | undefined>>;

export const STORAGE_KINDS = ['sqlite', 'memory', 'mongo'] as const;
export type StorageKind = (typeof STORAGE_KINDS)[number];

/** Where the monolith keeps its data. */
export type StorageConfig =
  /** Embedded SQLite files under `dataDir` (the default). */
  | { readonly kind: 'sqlite'; readonly dataDir: string }
  /** Process memory: everything is lost when the process stops. */
  | { readonly kind: 'memory' }
  /** Both modules in one MongoDB database. */
  | { readonly kind: 'mongo'; readonly mongoUrl: string };

export const DEFAULT_DATA_DIR = './data';

/**
 * STORAGE picks the store; without it, MONGO_URL selects MongoDB (as before STORAGE existed)
 * and SQLite under DATA_DIR is the default. Contradictions are refused rather than guessed:
 * STORAGE=mongo without MONGO_URL, or MONGO_URL with STORAGE=sqlite|memory.
 */
export const readStorageConfig = (env: Env): StorageConfig => {
  const reader = new EnvReader(env);
  const mongoUrl = readOptionalMongoUrl(env, 'MONGO_URL');
  const dataDir = reader.string('DATA_DIR', DEFAULT_DATA_DIR);
  const kind = reader.optional('STORAGE') === undefined ? (mongoUrl === undefined ? 'sqlite' : 'mongo') : reader.oneOf('STORAGE', STORAGE_KINDS, 'sqlite');
  if (kind === 'mongo') {
    if (mongoUrl === undefined) throw new ConfigError('STORAGE=mongo needs MONGO_URL (mongodb://host:27017/<database>)');
    return { kind, mongoUrl };
  }
  if (mongoUrl !== undefined) throw new ConfigError(`MONGO_URL is set but STORAGE=${kind}: unset MONGO_URL, or set STORAGE=mongo`);
  return kind === 'memory' ? { kind } : { kind, dataDir };
};
