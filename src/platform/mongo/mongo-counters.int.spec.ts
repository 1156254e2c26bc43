import { EntitySchema } from '@mikro-orm/core';
import { mongoTestUrl } from '@chatterroom/test/harness/services/service-urls';
import { closeMongoOrm, createMongoOrm, type MongoOrm } from './create-mongo-orm';
import { isDuplicateKeyError } from './duplicate-key';
import { MongoCounters, type NextValueInsert } from './mongo-counters';

interface ClaimDocument {
  _id: number;
  label: string;
}

const claimSchema = new EntitySchema<ClaimDocument>({
  name: 'ClaimDocument',
  collection: 'claims',
  properties: { _id: { type: 'number', primary: true }, label: { type: 'string' } },
  uniques: [{ name: 'claims_label_unique', properties: ['label'] }],
});

const claim = (orm: MongoOrm, label: string): NextValueInsert<number> => ({
  counter: 'claims',
  insert: async (value) => {
    await orm.em.fork().insert(claimSchema, { _id: value, label });
    return value;
  },
  onDuplicate: async () => undefined,
  highestTaken: async () => (await orm.em.fork().find(claimSchema, {}, { orderBy: { _id: 'desc' }, limit: 1 }))[0]?._id ?? 0,
});

describe('MongoCounters', () => {
  let url: string;
  const opened: MongoOrm[] = [];
  const open = async (): Promise<MongoOrm> => {
    const orm = await createMongoOrm({ clientUrl: url, entities: [claimSchema] });
    opened.push(orm);
    return orm;
  };

  beforeEach(() => {
    url = mongoTestUrl('counters');
  });

  afterEach(async () => {
    await opened.at(-1)?.em.getConnection().getDb().dropDatabase();
    for (const orm of opened.splice(0)) await closeMongoOrm(orm);
  });

  it('counts each name from 1, on its own', async () => {
    const counters = new MongoCounters(await open());
    expect([await counters.next('a'), await counters.next('a'), await counters.next('b'), await counters.next('a')]).toEqual([1, 2, 1, 3]);
  });

  it('raises a counter but never lowers it', async () => {
    const counters = new MongoCounters(await open());
    await counters.raiseTo('fresh', 10);
    expect(await counters.next('fresh')).toBe(11);
    await counters.raiseTo('fresh', 3);
    expect(await counters.next('fresh')).toBe(12);
  });

  it('stores concurrent records from two ORMs under distinct, gap-free values', async () => {
    const [a, b] = [await open(), await open()];
    const [countersA, countersB] = [new MongoCounters(a), new MongoCounters(b)];
    const values = await Promise.all(
      Array.from({ length: 40 }, (_, i) => (i % 2 === 0 ? countersA : countersB).insertWithNext(claim(i % 2 === 0 ? a : b, `c${i}`))),
    );
    expect([...values].sort((x, y) => x - y)).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
  });

  it('returns what onDuplicate settles on when another key clashed', async () => {
    const orm = await open();
    const counters = new MongoCounters(orm);
    await counters.insertWithNext(claim(orm, 'taken'));
    const settled = await counters.insertWithNext({ ...claim(orm, 'taken'), onDuplicate: async () => -1 });
    expect(settled).toBe(-1);
  });

  it('passes on errors other than a duplicate key', async () => {
    const counters = new MongoCounters(await open());
    const failing = { ...claim(opened[0]!, 'x'), insert: async () => Promise.reject(new Error('disk on fire')) };
    await expect(counters.insertWithNext(failing)).rejects.toThrow('disk on fire');
  });

  it('recognises the duplicate-key errors of em.insert and of the native driver', async () => {
    const orm = await open();
    await orm.em.fork().insert(claimSchema, { _id: 1, label: 'one' });
    const fromOrm = await orm.em.fork().insert(claimSchema, { _id: 2, label: 'one' }).catch((error: unknown) => error);
    const fromDriver = await orm.em.getConnection().getCollection('claims').insertOne({ _id: 1, label: 'other' } as never).catch((error: unknown) => error);
    expect(isDuplicateKeyError(fromOrm)).toBe(true);
    expect(isDuplicateKeyError(fromDriver)).toBe(true);
    expect(isDuplicateKeyError(new Error('E11000 lookalike'))).toBe(false);
  });
});
