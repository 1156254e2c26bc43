import { Double, Long, MongoClient, ObjectId, type Db } from 'mongodb';
import { mongoTestUrl } from '@chatterroom/test/harness/services/service-urls';
import { findByIds, IDS_PER_QUERY } from './find-by-ids';

/**
 * Every hot read and write of the Mongo adapters addresses documents by `_id` (summaries, read
 * markers, claims, seq markers, messages by derived id, moved outbox entries by `$in`). MongoDB
 * answers that from its `_id` index; the FerretDB this project builds must too
 * (scripts/services/ferretdb.sh patches its SQLite backend to read the `_id` index for an `_id`
 * equality or `$in`, alone or beside other conditions), or each one reads the whole collection and
 * the split deployment slows down as data grows.
 */
describe('`_id` lookups on the test database server', () => {
  let client: MongoClient;
  let db: Db;

  beforeAll(async () => {
    const url = mongoTestUrl('id_lookups');
    client = await MongoClient.connect(url);
    db = client.db(new URL(url).pathname.slice(1));
    await db.collection<{ _id: string; n: number }>('docs').insertMany(Array.from({ length: 200 }, (_, n) => ({ _id: `doc:${n}`, n })));
    await db.collection<{ _id: number }>('numbers').insertMany(Array.from({ length: 200 }, (_, n) => ({ _id: n })));
  });

  afterAll(async () => {
    await db.dropDatabase();
    await client.close();
  });

  // FerretDB's explain of an update or delete shows no filter at all; they go through the same `_id` filter as a find.
  it.each([
    ['an `_id` equality', 'docs', { _id: 'doc:17' }],
    ['an `_id` equality beside another condition', 'docs', { _id: 'doc:17', n: 17 }],
    ['an `_id` `$in`', 'docs', { _id: { $in: ['doc:3', 'doc:17', 'doc:150'] } }],
    ['an `_id` `$in` beside another condition', 'docs', { _id: { $in: ['doc:3', 'doc:17'] }, n: { $gt: 5 } }],
    ['a numeric `_id`', 'numbers', { _id: 42 }],
    ['a numeric `_id` `$in`', 'numbers', { _id: { $in: [0, 42, 43.0] } }],
  ])('a find by %s is served by the `_id` index, not a scan of the collection', async (_, collection, filter) => {
    const command = { find: collection, filter };
    const { queryPlanner } = (await db.command({ explain: command })) as { queryPlanner?: { Plan?: unknown; winningPlan?: unknown } };
    if (Array.isArray(queryPlanner?.Plan)) {
      // FerretDB on SQLite: SQLite's EXPLAIN QUERY PLAN, one line per step.
      const steps = (queryPlanner.Plan as unknown[]).map(String);
      expect(steps.some((step) => /USING INDEX \S+__id_/.test(step))).toBe(true);
      expect(steps.filter((step) => /detail=SCAN /.test(step))).toEqual([]);
    } else {
      // MongoDB: the winning plan reads the _id index (IDHACK, or EXPRESS_* since 8.0, or an IXSCAN).
      expect(JSON.stringify(queryPlanner?.winningPlan ?? queryPlanner)).toMatch(/IDHACK|EXPRESS_|IXSCAN/);
    }
  });

  it('answers `_id` filters with exactly the documents they match', async () => {
    const docs = db.collection<{ _id: string; n: number }>('docs');
    const ids = async (filter: object) => (await docs.find(filter).toArray()).map((doc) => doc._id).sort();
    expect(await ids({ _id: { $in: ['doc:3', 'doc:17', 'doc:150', 'doc:999'] } })).toEqual(['doc:150', 'doc:17', 'doc:3']);
    expect(await ids({ _id: { $in: ['doc:3', 'doc:17', 'doc:150'] }, n: { $gt: 5 } })).toEqual(['doc:150', 'doc:17']);
    expect(await ids({ _id: 'doc:17', n: 18 })).toEqual([]);
    expect(await ids({ _id: { $in: ['doc:3', 4] } })).toEqual(['doc:3']);
    expect(await ids({ _id: { $in: [] } })).toEqual([]);
    expect(await ids({ _id: { $in: ['doc:3', 'doc:4'], $nin: ['doc:4'] } })).toEqual(['doc:3']);
    const numbers = db.collection<{ _id: unknown; n: number }>('numbered');
    await numbers.insertMany([
      { _id: 5, n: 1 },
      { _id: Long.fromNumber(6), n: 2 },
      { _id: new Double(7), n: 3 },
      { _id: new Double(-0), n: 4 },
      { _id: new Double(7.5), n: 5 },
      { _id: '5', n: 6 },
      { _id: Long.fromString('9007199254740993'), n: 7 },
    ]);
    const ns = async (filter: object) => (await numbers.find(filter).toArray()).map((doc) => doc.n).sort();
    expect(await ns({ _id: 5 })).toEqual([1]);
    expect(await ns({ _id: new Double(5) })).toEqual([1]);
    expect(await ns({ _id: Long.fromNumber(5) })).toEqual([1]);
    expect(await ns({ _id: 6 })).toEqual([2]);
    expect(await ns({ _id: Long.fromNumber(7) })).toEqual([3]);
    expect(await ns({ _id: 0 })).toEqual([4]);
    expect(await ns({ _id: 7.5 })).toEqual([5]);
    expect(await ns({ _id: Long.fromString('9007199254740993') })).toEqual([7]);
    expect(await ns({ _id: { $in: [5, 6, '5', 0] } })).toEqual([1, 2, 4, 6]);
    expect(await ns({ _id: { $in: [7, 8] }, n: 3 })).toEqual([3]);
    const scratch = db.collection<{ _id: string; n: number }>('docs_deleted');
    await scratch.insertMany(Array.from({ length: 20 }, (_, n) => ({ _id: `doc:${n}`, n })));
    expect((await scratch.deleteMany({ _id: { $in: ['doc:1', 'doc:2', 'doc:30'] } })).deletedCount).toBe(2);
    expect((await scratch.deleteMany({ _id: { $in: ['doc:3', 'doc:4'] }, n: 4 })).deletedCount).toBe(1);
    expect(await scratch.countDocuments()).toBe(17);
  });

  // The FerretDB build deletes string ids at once, without reading them first (patch_id_delete): these are its edges.
  it('deletes by `_id` exactly the documents the filter names, and counts them', async () => {
    const hex = '64b7f0c2a1b2c3d4e5f60718';
    const deletes = db.collection<{ _id: string | number | ObjectId; n: number }>('deletes');
    const reset = async () => {
      await deletes.deleteMany({});
      await deletes.insertMany([
        ...Array.from({ length: 10 }, (_, n) => ({ _id: `e:${n}`, n })),
        { _id: new ObjectId(hex), n: 10 },
        { _id: 11, n: 11 },
        { _id: '11', n: 12 },
      ]);
    };
    const left = async () => (await deletes.find({}).toArray()).map((doc) => doc.n).sort((a, b) => a - b);
    await reset();
    expect((await deletes.deleteMany({ _id: { $in: ['e:1', 'e:2', 'e:2', 'e:404'] } })).deletedCount).toBe(2);
    expect((await deletes.deleteMany({ _id: 'e:3' })).deletedCount).toBe(1);
    expect((await deletes.deleteMany({ _id: 'e:3' })).deletedCount).toBe(0);
    expect((await deletes.deleteOne({ _id: 'e:4' })).deletedCount).toBe(1);
    expect((await deletes.deleteOne({ _id: { $in: ['e:5', 'e:6'] } })).deletedCount).toBe(1);
    expect((await deletes.deleteMany({ _id: hex })).deletedCount).toBe(0);
    expect((await deletes.deleteMany({ _id: { $in: ['11'] } })).deletedCount).toBe(1);
    const rest = await left();
    expect(rest.filter((n) => n !== 5 && n !== 6)).toEqual([0, 7, 8, 9, 10, 11]);
    expect(rest.filter((n) => n === 5 || n === 6)).toHaveLength(1);
    await reset();
    expect((await deletes.deleteMany({ _id: { $in: [new ObjectId(hex), 11, 'e:0'] } })).deletedCount).toBe(3);
    expect((await deletes.deleteMany({ _id: { $in: ['e:1', 'e:2'] }, n: 2 })).deletedCount).toBe(1);
    expect(await left()).toEqual([1, 3, 4, 5, 6, 7, 8, 9, 12]);
  });

  it('findByIds returns each stored document of the ids once, however many ids it is given', async () => {
    const numbers = db.collection<{ _id: number }>('numbers');
    const ids = [...Array.from({ length: IDS_PER_QUERY + 100 }, (_, n) => n * 2), 4, 4];
    const found = (await findByIds(numbers, ids)).map((doc) => doc._id).sort((a, b) => a - b);
    expect(found).toEqual(Array.from({ length: 100 }, (_, n) => n * 2));
    expect(await findByIds(numbers, [])).toEqual([]);
  });
});
