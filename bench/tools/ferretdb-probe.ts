import { randomUUID } from 'node:crypto';
import { CpuWindow, pidListeningOn } from '../targets/process-probe';
import { runOnScratchDatabase } from './scratch-database';

/**
 * `node dist/bench/bench/tools/ferretdb-probe.js [seconds] [concurrency]`: the storage
 * operations one chat message costs in the split deployment (a counter's
 * findOneAndUpdate, an insert under two unique indexes, a lookup by _id), issued
 * straight through the MongoDB driver at the MongoDB server under test (FerretDB here),
 * in a scratch database that is dropped afterwards. Prints operations/s and the server's
 * CPU: the ceiling this component puts on the split deployment.
 */
runOnScratchDatabase('bench_probe', async (db, url) => {
  const seconds = Number(process.argv[2] ?? 5);
  const concurrency = Number(process.argv[3] ?? 4);
  const counters = db.collection<{ _id: string; value: number }>('counters');
  const messages = db.collection<{ _id: string; conversation: string; seq: number; dedupeKey: string; message: string; at: Date }>('messages');
  const rooms = db.collection<{ _id: number; name: string }>('rooms');
  await messages.createIndex({ conversation: 1, seq: -1 }, { unique: true });
  await messages.createIndex({ dedupeKey: 1 }, { unique: true });
  await rooms.insertOne({ _id: 1, name: 'probe' });
  const server = pidListeningOn(Number(new URL(url).port || 27017));
  const cpu = new CpuWindow(server === undefined ? [] : [{ name: 'mongo server', pid: server }]);
  const until = Date.now() + seconds * 1000;
  let messagesStored = 0;
  cpu.start();
  await Promise.all(Array.from({ length: concurrency }, async (_, worker) => {
    const conversation = `room:${worker + 1}`;
    while (Date.now() < until) {
      await rooms.findOne({ _id: 1 });
      const counter = await counters.findOneAndUpdate({ _id: `seq:${conversation}` }, { $inc: { value: 1 } }, { upsert: true, returnDocument: 'after' });
      const id = randomUUID();
      await messages.insertOne({ _id: id, conversation, seq: counter?.value ?? 0, dedupeKey: id, message: 'probe', at: new Date() });
      messagesStored += 1;
    }
  }));
  const usage = cpu.stop();
  console.log(`${concurrency} writers (one conversation each), ${seconds} s: ${(messagesStored / seconds).toFixed(1)} messages/s ` +
    `(3 operations each: find room, counter findOneAndUpdate, insert); server CPU ${JSON.stringify(usage)} % of one core`);
});
