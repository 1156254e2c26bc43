import type { EntitySchema } from '@mikro-orm/core';
import { MikroORM } from '@mikro-orm/mongodb';
import type { Logger } from '@chatterroom/kernel';
import { counterSchema } from './counter.schema';
import { MONGO_SCHEMA_STEPS } from './mongo-schema-steps';
import { upgradeMongoSchema } from './mongo-schema-version';

export interface MongoOrmOptions {
  /** `mongodb://host:port/<database>`; the path names the database (default `chatterroom`). */
  readonly clientUrl: string;
  /** The modules' schemas, such as `usersEntities` and `chatEntities`; the counters are added. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  readonly entities: readonly EntitySchema<any>[];
  /** Receives MikroORM's start-up and index messages at debug level. */
  readonly logger?: Logger;
}

export const DEFAULT_DATABASE = 'chatterroom';

/** The ORM every Mongo adapter takes as `deps.mongoOrm`. */
export type MongoOrm = MikroORM;

/**
 * Opens a MikroORM instance on MongoDB (or FerretDB) and brings the database to the current
 * schema version before resolving (see MONGO_SCHEMA_STEPS: collections and indexes created in
 * versioned, idempotent steps, the version recorded in `schema_version`), so unique indexes
 * guard the first write; a database of a newer version is refused with a StorageError.
 * No transactions are used anywhere (FerretDB has none): adapters rely on single-document
 * atomicity and unique indexes. The global EntityManager refuses use: fork one per operation.
 */
export const createMongoOrm = async (options: MongoOrmOptions): Promise<MikroORM> => {
  const { logger } = options;
  const dbName = databaseNameOf(options.clientUrl);
  const orm = await MikroORM.init({
    clientUrl: options.clientUrl,
    dbName,
    entities: [...new Set([counterSchema, ...options.entities])],
    ensureIndexes: false,
    implicitTransactions: false,
    allowGlobalContext: false,
    colors: false,
    debug: logger === undefined ? false : ['discovery', 'info', 'deprecated'],
    logger: (message) => logger?.debug({ component: 'mikro-orm' }, message),
  });
  try {
    const { from, to } = await upgradeMongoSchema(orm, MONGO_SCHEMA_STEPS, dbName);
    logger?.info({ database: dbName, schemaVersion: to, migratedFrom: from }, 'MongoDB schema ready');
  } catch (error) {
    await orm.close(true);
    throw error;
  }
  return orm;
};

/** Closes the ORM's connections. Safe to call twice. */
export const closeMongoOrm = async (orm: MikroORM): Promise<void> => {
  if (await orm.isConnected()) await orm.close(true);
};

/** The database named by the URL's path; works for multi-host URLs that `new URL` rejects. */
export const databaseNameOf = (clientUrl: string): string => {
  const path = /^mongodb(?:\+srv)?:\/\/[^/?]+\/([^?]*)/.exec(clientUrl)?.[1];
  return path === undefined || path === '' ? DEFAULT_DATABASE : decodeURIComponent(path);
};
