import type { Collection } from 'mongodb';
import { openScratchOrm, type ScratchOrm } from '@chatterroom/test/kits/mongo/mongo-scratch-orm';
import { countCommandsDuring, monitoredMongoTestUrl } from '@chatterroom/test/kits/mongo/command-count';
import { isDuplicateKeyError } from '@chatterroom/platform/mongo';
import { OrderedInsertCombiner, UnorderedInsertCombiner } from './insert-combiner';

jest.setTimeout(60_000);

interface Doc {
  _id: string;
  n: number;
}

/**
 * Inserts of many callers into one collection go as one command (group commit across
 * conversations); each caller still gets exactly what its own insert would have given it.
 */
describe('insert combiners (MongoDB wire protocol)', () => {
  let scratch: ScratchOrm;
  let run = 0;
  const collection = (): Collection<Doc> => scratch.orm.em.getConnection().getDb().collection<Doc>(`combined_${run}`);
  const inserts = (work: () => Promise<unknown>) =>
    countCommandsDuring(scratch.orm, (event) => (event.commandName === 'insert' ? 1 : 0), work);
  const stored = async (): Promise<string[]> => (await collection().find({}).toArray()).map(({ _id }) => _id).sort();

  beforeAll(async () => {
    scratch = await openScratchOrm(monitoredMongoTestUrl('chat_insert_combiner'), []);
  });

  beforeEach(() => {
    run += 1;
  });

  afterAll(async () => {
    await scratch.dispose();
  });

  it('unordered: callers of one moment share one insert, and each learns which of its own documents a unique index refused', async () => {
    await collection().insertOne({ _id: 'b2', n: 0 });
    const combiner = new UnorderedInsertCombiner(collection);
    let answers: Set<number>[] = [];
    const commands = await inserts(async () => {
      answers = await Promise.all([
        combiner.insert([{ _id: 'a1', n: 1 }, { _id: 'a2', n: 2 }]),
        combiner.insert([{ _id: 'b1', n: 3 }, { _id: 'b2', n: 4 }, { _id: 'b3', n: 5 }]),
        combiner.insert([{ _id: 'a2', n: 6 }]),
      ]);
    });
    expect(commands).toBe(1);
    expect(answers.map((refused) => [...refused])).toEqual([[], [1], [0]]);
    expect(await stored()).toEqual(['a1', 'a2', 'b1', 'b2', 'b3']);
  });

  it('unordered: callers arriving while an insert is in flight go together in the next one', async () => {
    const combiner = new UnorderedInsertCombiner(collection);
    const commands = await inserts(async () => {
      const first = combiner.insert([{ _id: 'x0', n: 0 }]);
      await Promise.resolve();
      await Promise.resolve();
      const later = Array.from({ length: 10 }, (_, index) => combiner.insert([{ _id: `y${index}`, n: index }]));
      await Promise.all([first, ...later]);
    });
    expect(commands).toBe(2);
    expect(await stored()).toHaveLength(11);
  });

  it('ordered: a refused document fails its own caller alone, as its own ordered insert would; later callers are stored by the next insert', async () => {
    await collection().insertOne({ _id: 'b2', n: 0 });
    const combiner = new OrderedInsertCombiner(collection);
    let outcomes: PromiseSettledResult<void>[] = [];
    const commands = await inserts(async () => {
      outcomes = await Promise.allSettled([
        combiner.insert([{ _id: 'a1', n: 1 }, { _id: 'a2', n: 2 }]),
        combiner.insert([{ _id: 'b1', n: 3 }, { _id: 'b2', n: 4 }, { _id: 'b3', n: 5 }]),
        combiner.insert([{ _id: 'c1', n: 6 }]),
      ]);
    });
    expect(outcomes.map(({ status }) => status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(isDuplicateKeyError((outcomes[1] as PromiseRejectedResult).reason)).toBe(true);
    expect(commands).toBe(2);
    expect(await stored()).toEqual(['a1', 'a2', 'b1', 'b2', 'c1']);
    expect((await collection().findOne({ _id: 'b2' }))?.n).toBe(0);
  });

  it('ordered: each caller is answered once its own documents are stored, in its order', async () => {
    const combiner = new OrderedInsertCombiner(collection);
    const commands = await inserts(() =>
      Promise.all(Array.from({ length: 20 }, (_, caller) => combiner.insert([0, 1, 2].map((n) => ({ _id: `m${caller}-${n}`, n }))))),
    );
    expect(commands).toBe(1);
    const documents = await collection().find({}).toArray();
    expect(documents).toHaveLength(60);
  });
});
