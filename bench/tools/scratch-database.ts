import { MongoClient, type Db } from 'mongodb';
import { mongoTestUrl } from '@chatterroom/test/harness/services/service-urls';

/**
 * Runs a database tool's `work` on a scratch database of the MongoDB server under test
 * (TEST_MONGO_URL; FerretDB here), named after `label`, and drops it afterwards; a failure
 * is printed and ends the process with status 1.
 */
export const runOnScratchDatabase = (label: string, work: (db: Db, url: string) => Promise<void>): void => {
  const run = async (): Promise<void> => {
    const url = mongoTestUrl(label);
    const client = new MongoClient(url, { serverSelectionTimeoutMS: 5_000 });
    await client.connect();
    const db = client.db();
    try {
      await work(db, url);
    } finally {
      await db.dropDatabase();
      await client.close();
    }
  };
  run().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
};
