import type { Collection, Document, Filter } from 'mongodb';

/** Ids asked for in one `$in` query; more go in several (FerretDB reads its `_id` index for up to 1,000 forms). */
export const IDS_PER_QUERY = 500;

/**
 * The documents of `collection` whose `_id` is one of `ids` (each once; ids with no document are
 * left out), in no particular order: one `_id: {$in}` query per {@link IDS_PER_QUERY} ids, which
 * MongoDB, and the FerretDB built for the tests and benches, answer from the `_id` index.
 */
export const findByIds = async <T extends Document, Id>(collection: Collection<T>, ids: readonly Id[]): Promise<T[]> => {
  const unique = [...new Set(ids)];
  const chunks: Id[][] = [];
  for (let start = 0; start < unique.length; start += IDS_PER_QUERY) chunks.push(unique.slice(start, start + IDS_PER_QUERY));
  const found = await Promise.all(chunks.map((chunk) => collection.find({ _id: { $in: chunk } } as Filter<T>).toArray()));
  return found.flat() as T[];
};
