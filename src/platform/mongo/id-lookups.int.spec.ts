import { MongoClient, type Db } from 'mongodb';
import { mongoTestUrl } from '@chatterroom/test/harness/services/service-urls';

/**
 * Every hot read and write of the Mongo adapters addresses documents by `_id` (summaries, read
 * markers, claims, seq markers, messages by derived id). MongoDB answers that from its `_id`
 * index; the FerretDB this project builds must too (scripts/services/ferretdb.sh patches the
 * filter of its SQLite backend into the form of its `_id` index), or each one reads the whole
 * collection and the split deployment slows down as data grows.
 */
describe('`_id` lookups on the test database server', () => {
  let client: MongoClient;
  let db: Db;

  beforeAll(async () => {
    const url = mongoTestUrl('id_lookups');
    client = await MongoClient.connect(url);
    db = client.db(new URL(url).pathname.slice(1));
    await db.collection<{ _id: string; n: number }>('docs').insertMany(Array.from({ length: 200 }, (_, n) => ({ _id: `doc:${n}`, n })));
  });

  afterAll(async () => {
    await db.dropDatabase();
    await client.close();
  });

  // FerretDB's explain of an update or delete shows no filter at all; they go through the same `_id` filter as a find.
  it('a find by `_id` is served by the `_id` index, not a scan of the collection', async () => {
    const command = { find: 'docs', filter: { _id: 'doc:17' } };
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
});
