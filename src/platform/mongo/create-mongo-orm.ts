import type { EntitySchema } from '@mikro-orm/core';
import { MikroORM } from '@mikro-orm/mongodb';
import type { Logger } from '../../../modules/kernel';
import { counterSchema } from './counter.schema';

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
 * Opens a MikroORM instance on MongoDB (or FerretDB) and creates every schema's
 * collections and indexes before resolving, so unique indexes guard the first write.
 * Index creation is idempotent: replicas may start together on one database.
 * No transactions are used anywhere (FerretDB has none): adapters rely on single-document
 * atomicity and unique indexes. The global EntityManager refuses use: fork one per operation.
 */
export const createMongoOrm = async (options: MongoOrmOptions): Promise<MikroORM> => {
  const { logger } = options;
  return MikroORM.init({
    clientUrl: options.clientUrl,
    dbName: databaseNameOf(options.clientUrl),
    entities: [...new Set([counterSchema, ...options.entities])],
    ensureIndexes: true,
    implicitTransactions: false,
    allowGlobalContext: false,
    colors: false,
    debug: logger === undefined ? false : ['discovery', 'info', 'deprecated'],
    logger: (message) => logger?.debug({ component: 'mikro-orm' }, message),
  });
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
