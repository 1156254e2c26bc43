import type { Collection } from 'mongodb';
import { runOnScratchDatabase } from './scratch-database';

interface Membership {
  _id: string;
  roomId: number;
  userId: number;
  role: string;
}

const ROOMS = 10;
const LOOKUPS = 20;

/** Mean milliseconds of `LOOKUPS` sequential calls of `lookup`. */
const meanMs = async (lookup: (index: number) => Promise<unknown>): Promise<number> => {
  const started = performance.now();
  for (let index = 0; index < LOOKUPS; index += 1) await lookup(index);
  return (performance.now() - started) / LOOKUPS;
};

const fill = async (members: Collection<Membership>, count: number): Promise<void> => {
  const documents = Array.from({ length: count }, (_, userId) => ({ _id: `${userId % ROOMS}:${userId}`, roomId: userId % ROOMS, userId, role: 'member' }));
  for (let start = 0; start < count; start += 1_000) await members.insertMany(documents.slice(start, start + 1_000));
};

/**
 * `node dist/bench/bench/tools/ferretdb-lookup-probe.js [documents...]`: how one membership
 * lookup's cost grows with its collection on the MongoDB server under test (FerretDB here).
 * For each size, a scratch `room_members` of that many documents with the schema's unique
 * (roomId, userId) index, then 20 lookups each by `_id`, by `{roomId, userId}` and one
 * `countDocuments({roomId})`; prints mean milliseconds. On MongoDB the indexes keep every
 * lookup flat; a server that scans shows it growing with the collection.
 */
runOnScratchDatabase('bench_lookup_probe', async (db) => {
  const sizes = process.argv.slice(2).map(Number);
  for (const size of sizes.length > 0 ? sizes : [10_000, 40_000]) {
    const members = db.collection<Membership>(`room_members_${size}`);
    await members.createIndex({ roomId: 1, userId: 1 }, { unique: true });
    await fill(members, size);
    const someUser = (index: number) => ROOMS * (100 + index) + 3;
    const byId = await meanMs((index) => members.findOne({ _id: `3:${someUser(index)}` }));
    const byRoomAndUser = await meanMs((index) => members.findOne({ roomId: 3, userId: someUser(index) }));
    const count = await meanMs(() => members.countDocuments({ roomId: 3 }));
    console.log(`${size} documents: find by _id ${byId.toFixed(2)} ms, by {roomId, userId} ${byRoomAndUser.toFixed(2)} ms, count by roomId ${count.toFixed(2)} ms`);
  }
});
