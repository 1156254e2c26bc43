import { randomBytes } from 'node:crypto';
import { isPositiveInt32 } from '@chatterroom/kernel';
import { mongoTestUrl } from '@chatterroom/test/harness/services/service-urls';
import { closeMongoOrm, createMongoOrm, type MongoOrm } from '@chatterroom/platform/mongo/create-mongo-orm';
import { counterSchema } from '@chatterroom/platform/mongo/counter.schema';
import type { NewUser } from '../../ports';
import { MikroOrmUserRepository } from './mikro-orm-user.repository';
import { userSchema, usersEntities } from '.';

const newUser = (): NewUser => {
  const username = `u_${randomBytes(6).toString('hex')}`;
  return { username, email: `${username}@example.com`, passwordHash: 'hash', createdAt: new Date().toISOString() };
};

describe('MikroOrmUserRepository on one database shared by replicas', () => {
  let url: string;
  const opened: MongoOrm[] = [];
  const open = async (): Promise<MikroOrmUserRepository> => {
    const orm = await createMongoOrm({ clientUrl: url, entities: usersEntities });
    opened.push(orm);
    return new MikroOrmUserRepository({ mongoOrm: orm });
  };

  beforeEach(() => {
    url = mongoTestUrl('users_replicas');
  });

  afterEach(async () => {
    await opened.at(-1)?.em.getConnection().getDb().dropDatabase();
    for (const orm of opened.splice(0)) await closeMongoOrm(orm);
  });

  it('creates the unique indexes on the lower-cased keys at start', async () => {
    await open();
    const indexes = await opened[0]!.em.getConnection().getCollection('users').listIndexes().toArray();
    const byName = new Map(indexes.map((index) => [index.name as string, index]));
    expect(byName.get('users_username_key_unique')).toMatchObject({ key: { usernameKey: 1 }, unique: true });
    expect(byName.get('users_email_key_unique')).toMatchObject({ key: { emailKey: 1 }, unique: true });
  });

  it('never gives two replicas inserting at once the same userId', async () => {
    const [replicaA, replicaB] = await Promise.all([open(), open()]);
    const inserts = Array.from({ length: 30 }, (_, i) => (i % 2 === 0 ? replicaA : replicaB).insert(newUser()));
    const ids = (await Promise.all(inserts)).map((user) => user.userId);
    expect(ids.every(isPositiveInt32)).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('hands out fresh ids when the counter lags behind the stored users', async () => {
    const repository = await open();
    const stored = await Promise.all([repository.insert(newUser()), repository.insert(newUser())]);
    await opened[0]!.em.getCollection(counterSchema).updateOne({ _id: 'userId' }, { $set: { value: 0 } });
    const later = await repository.insert(newUser());
    expect(stored.map((user) => user.userId)).not.toContain(later.userId);
    expect(await repository.findById(later.userId)).toEqual(later);
  });

  it('answers findManyByIds ascending by userId even when stored in another order', async () => {
    const repository = await open();
    const base = 1_000_000 + Math.floor(Math.random() * 1_000_000);
    const ids = [base + 2, base, base + 1];
    const documents = ids.map((_id) => {
      const { username, email, passwordHash, createdAt } = newUser();
      return { _id, username, usernameKey: username, email, emailKey: email, passwordHash, createdAt: new Date(createdAt) };
    });
    for (const document of documents) await opened[0]!.em.getCollection(userSchema).insertOne(document);
    const found = await repository.findManyByIds([base + 1, base + 2, base, base + 3]);
    expect(found.map((user) => user.userId)).toEqual([base, base + 1, base + 2]);
    expect(found[0]).toMatchObject({ username: documents[1]!.username, email: documents[1]!.email });
  });

  it('keeps users across a restart and goes on with new ids', async () => {
    const before = await (await open()).insert(newUser());
    await closeMongoOrm(opened[0]!);
    const restarted = await open();
    expect(await restarted.findById(before.userId)).toEqual(before);
    expect(await restarted.findByUsername(before.username)).toEqual(before);
    expect((await restarted.insert(newUser())).userId).toBeGreaterThan(before.userId);
  });
});
