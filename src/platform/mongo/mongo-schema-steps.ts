import type { MikroORM } from '@mikro-orm/mongodb';

/**
 * One step of a MongoDB database's schema (its collections and indexes). Versions count
 * 1, 2, 3... and a released step is never edited. Steps must be idempotent: replicas starting
 * together may run one twice before either records it.
 */
export interface MongoSchemaStep {
  readonly version: number;
  readonly description: string;
  apply(orm: MikroORM): Promise<void>;
}

/**
 * The schema steps of every ChatterRoom database (the monolith's, the user service's and the
 * chat service's): each applies to the collections of the schemas its ORM was opened with.
 */
export const MONGO_SCHEMA_STEPS: readonly MongoSchemaStep[] = [
  {
    version: 1,
    description: "collections and indexes declared by the modules' schemas (unique keys, history order, membership)",
    apply: (orm) => orm.schema.ensureIndexes(),
  },
  {
    version: 2,
    description: 'conversation summaries (by participant) and read markers (by user and by conversation)',
    apply: (orm) => orm.schema.ensureIndexes(),
  },
];
