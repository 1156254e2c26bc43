import type { MikroORM } from '@mikro-orm/mongodb';
import { StorageError } from '../storage/storage-error';
import { isDuplicateKeyError } from './duplicate-key';
import type { MongoSchemaStep } from './mongo-schema-steps';

/** The collection recording each database's schema version: one document, `_id: 'schema'`. */
export const SCHEMA_VERSION_COLLECTION = 'schema_version';
const SCHEMA_DOCUMENT_ID = 'schema';

interface SchemaVersionDocument {
  _id: string;
  version: number;
  updatedAt: Date;
}

const collection = (orm: MikroORM) => orm.em.getConnection().getCollection<SchemaVersionDocument>(SCHEMA_VERSION_COLLECTION);

/** The version recorded in the database, 0 when none is (a new database, or one from before versioning). */
export const mongoSchemaVersion = async (orm: MikroORM): Promise<number> =>
  (await collection(orm).findOne({ _id: SCHEMA_DOCUMENT_ID }))?.version ?? 0;

/**
 * Applies the steps a database lacks, in order, recording each version after its step; the
 * record only moves forward, so replicas upgrading at once agree.
 * @throws StorageError when the database records a newer version than `steps` know
 */
export const upgradeMongoSchema = async (orm: MikroORM, steps: readonly MongoSchemaStep[], database: string): Promise<{ from: number; to: number }> => {
  const from = await mongoSchemaVersion(orm);
  const latest = steps.length;
  if (from > latest) {
    throw new StorageError(
      `MongoDB database ${database} has schema version ${from}, but this build knows versions up to ${latest}: it was written by a newer ChatterRoom. ` +
        'Run that version (or newer), or restore a backup taken before the upgrade.',
    );
  }
  for (const step of steps.slice(from)) {
    await step.apply(orm);
    await recordVersion(orm, step.version);
  }
  return { from, to: latest };
};

const recordVersion = async (orm: MikroORM, version: number): Promise<void> => {
  try {
    await collection(orm).updateOne(
      { _id: SCHEMA_DOCUMENT_ID, version: { $lt: version } },
      { $set: { version, updatedAt: new Date() } },
      { upsert: true },
    );
  } catch (error) {
    // A replica recorded this version or a later one first: the upsert found no document below it.
    if (!isDuplicateKeyError(error)) throw error;
  }
};
