import type { Db } from 'mongodb';
import { pidListeningOn, sampleProcess } from '../targets/process-probe';
import { runOnScratchDatabase } from './scratch-database';

/**
 * `node dist/bench/bench/tools/ferretdb-write-costs.js [operations]`: the database server's CPU
 * per write, for each kind of write a send and a relay move make in the split deployment (see
 * docs/performance.md, "What each write costs"), issued one at a time through the MongoDB driver
 * at the server under test (TEST_MONGO_URL; FerretDB here), in a scratch database dropped
 * afterwards. The server must run on this machine (its CPU is read from /proc).
 */

interface WriteKind {
  readonly name: string;
  /** The n-th write of this kind. */
  readonly write: (db: Db, n: number) => Promise<unknown>;
}

const BODY = 'x'.repeat(150);
const AUDIENCE = Array.from({ length: 10 }, (_, index) => index + 1);

interface Stored {
  _id: string;
}

const docs = (n: number, count: number) =>
  Array.from({ length: count }, (_, index) => ({ _id: `m:${n}:${index}`, conversation: 'room:1', seq: n * count + index, message: BODY }));

/** Nine logged events as the relay copies them into a page: one JSON string. */
const PAGE_CHUNK = JSON.stringify(
  Array.from({ length: 9 }, (_, index) => ({
    position: index,
    id: `e${index}`,
    type: 'chat.message-posted.v1',
    payload: { message: { messageId: `m${index}`, message: BODY, senderId: 1, roomId: 1, seq: index }, audience: AUDIENCE },
  })),
);

const KINDS: readonly WriteKind[] = [
  { name: 'insert, 1 document', write: (db, n) => db.collection<Stored>('one').insertMany(docs(n, 1)) },
  { name: 'insert, 10 documents', write: (db, n) => db.collection<Stored>('ten').insertMany(docs(n, 10)) },
  { name: 'insert, 60 documents', write: (db, n) => db.collection<Stored>('sixty').insertMany(docs(n, 60)) },
  {
    name: 'update of a small document ($max, the relay cursor)',
    write: (db, n) => db.collection<{ _id: string; through: number }>('cursor').updateOne({ _id: 'published' }, { $max: { through: n } }, { upsert: true }),
  },
  {
    name: 'findOneAndUpdate of a small document (summary)',
    write: (db, n) =>
      db.collection<{ _id: string }>('summaries').findOneAndUpdate(
        { _id: 'room:1' },
        { $set: { last: { messageId: `m${n}`, message: BODY, senderId: 1 } }, $max: { seq: n } },
        { upsert: true },
      ),
  },
  {
    name: '$push of 9 events onto a page (11 pushes a page)',
    write: (db, n) =>
      db.collection<{ _id: string; chunks: string[] }>('pages').updateOne(
        { _id: `page:${Math.floor(n / 11)}` },
        { $push: { chunks: PAGE_CHUNK }, $setOnInsert: { from: n } },
        { upsert: true },
      ),
  },
  {
    name: 'deleteMany of 10 string ids (and their insert)',
    write: async (db, n) => {
      await db.collection<Stored>('outbox').insertMany(docs(n, 10));
      await db.collection<Stored>('outbox').deleteMany({ _id: { $in: docs(n, 10).map((doc) => doc._id) } });
    },
  },
];

runOnScratchDatabase('bench_write_costs', async (db, url) => {
  const operations = Number(process.argv[2] ?? 300);
  const pid = pidListeningOn(Number(new URL(url).port || 27017));
  if (pid === undefined) throw new Error(`no process of this machine listens on ${url}: the server's CPU cannot be read`);
  console.log(`${operations} writes of each kind, one at a time, at ${url} (pid ${pid}): server CPU and wall time per write`);
  for (const kind of KINDS) {
    const cpuBefore = sampleProcess(pid)?.cpuSeconds ?? 0;
    const startedAt = performance.now();
    for (let n = 0; n < operations; n += 1) await kind.write(db, n);
    const wallMs = (performance.now() - startedAt) / operations;
    const cpuMs = (((sampleProcess(pid)?.cpuSeconds ?? 0) - cpuBefore) * 1000) / operations;
    console.log(`${kind.name.padEnd(52)} CPU ${cpuMs.toFixed(2)} ms  wall ${wallMs.toFixed(2)} ms`);
  }
});
