import { usersEntities } from '@chatterroom/users/adapters/mongo';
import { mongoTestUrl } from '@chatterroom/test/harness/services/service-urls';
import { StorageError } from '../storage/storage-error';
import { closeMongoOrm, createMongoOrm, type MongoOrm } from './create-mongo-orm';
import { MONGO_SCHEMA_STEPS } from './mongo-schema-steps';
import { mongoSchemaVersion, SCHEMA_VERSION_COLLECTION } from './mongo-schema-version';

describe('MongoDB schema versions', () => {
  let url: string;
  const opened: MongoOrm[] = [];
  const open = async (): Promise<MongoOrm> => {
    const orm = await createMongoOrm({ clientUrl: url, entities: usersEntities });
    opened.push(orm);
    return orm;
  };
  const indexNames = async (orm: MongoOrm): Promise<string[]> =>
    (await orm.em.getConnection().getCollection('users').listIndexes().toArray()).map((index) => index.name as string).sort();

  beforeEach(() => {
    url = mongoTestUrl('schema_version');
  });

  afterEach(async () => {
    await opened.at(-1)?.em.getConnection().getDb().dropDatabase();
    for (const orm of opened.splice(0)) await closeMongoOrm(orm);
  });

  it('brings a new database to the latest version, indexes created', async () => {
    const orm = await open();
    expect(await mongoSchemaVersion(orm)).toBe(MONGO_SCHEMA_STEPS.length);
    expect(await indexNames(orm)).toEqual(expect.arrayContaining(['users_email_key_unique', 'users_username_key_unique']));
  });

  it('upgrades a database written before versions were recorded: indexes created, documents kept', async () => {
    const before = await open();
    const users = before.em.getConnection().getCollection('users');
    await users.insertOne({ _id: 7, username: 'Old', usernameKey: 'old', email: 'old@example.com', emailKey: 'old@example.com', passwordHash: 'h', createdAt: new Date(0) } as never);
    await users.dropIndexes();
    await before.em.getConnection().getCollection(SCHEMA_VERSION_COLLECTION).deleteMany({});
    await closeMongoOrm(before);

    const after = await open();
    expect(await mongoSchemaVersion(after)).toBe(MONGO_SCHEMA_STEPS.length);
    expect(await indexNames(after)).toEqual(expect.arrayContaining(['users_email_key_unique', 'users_username_key_unique']));
    expect(await after.em.getConnection().getCollection('users').findOne({ _id: 7 } as never)).toMatchObject({ username: 'Old' });
  });

  it('refuses a database of a newer version, naming it, and leaves the version alone', async () => {
    const orm = await open();
    await orm.em.getConnection().getCollection(SCHEMA_VERSION_COLLECTION).updateOne({ _id: 'schema' } as never, { $set: { version: 99 } });
    const refusal = await createMongoOrm({ clientUrl: url, entities: usersEntities }).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(StorageError);
    expect((refusal as Error).message).toMatch(/^MongoDB database \S+ has schema version 99, but this build knows versions up to \d+/);
    expect(await mongoSchemaVersion(orm)).toBe(99);
  });

  it('lets replicas starting together on one database agree on the version', async () => {
    const [a] = await Promise.all([open(), open(), open()]);
    expect(await mongoSchemaVersion(a!)).toBe(MONGO_SCHEMA_STEPS.length);
  });
});
