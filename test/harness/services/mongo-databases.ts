import { MongoClient } from 'mongodb';

/** The distinct Mongo URLs (`*MONGO_URL` variables) in the given environments. */
export const mongoUrlsIn = (environments: readonly Readonly<Record<string, string>>[]): string[] => [
  ...new Set(environments.flatMap((env) => Object.entries(env).filter(([name]) => name.endsWith('MONGO_URL')).map(([, url]) => url))),
];

/** Drops each database named by `urls` (one client per server); a failure is reported, not thrown. */
export const dropDatabases = async (urls: readonly string[]): Promise<void> => {
  for (const url of urls) {
    const client = new MongoClient(url, { serverSelectionTimeoutMS: 5_000 });
    try {
      await client.connect();
      await client.db().dropDatabase();
    } catch (error) {
      process.stderr.write(`[test] could not drop the database of ${url}: ${String(error)}\n`);
    } finally {
      await client.close();
    }
  }
};
