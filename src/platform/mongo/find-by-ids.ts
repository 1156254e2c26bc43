import type { Collection, Document, Filter } from 'mongodb';

/** Up to this many ids are read with one `_id` lookup each; more with one `$in` query. */
export const ID_LOOKUPS_MAX = 20;

/**
 * The documents of `collection` whose `_id` is one of `ids` (each once; ids with no document are
 * left out), in no particular order. FerretDB's SQLite backend answers an `_id` equality from its
 * primary key but scans the whole collection for `$in` (and for `$or`), so a short list is read
 * with one lookup per id, in parallel: on a collection of 20,000 users, 20 lookups took 0.7 s under
 * load against 1.6 s for one `$in`. MongoDB answers both from its `_id` index.
 */
export const findByIds = async <T extends Document, Id>(collection: Collection<T>, ids: readonly Id[]): Promise<T[]> => {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return [];
  if (unique.length > ID_LOOKUPS_MAX) return (await collection.find({ _id: { $in: unique } } as Filter<T>).toArray()) as T[];
  const found = await Promise.all(unique.map((_id) => collection.findOne({ _id } as Filter<T>)));
  return found.filter((document) => document !== null) as T[];
};
