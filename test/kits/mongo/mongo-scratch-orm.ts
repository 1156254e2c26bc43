import type { EntitySchema } from '@mikro-orm/core';
import type { MikroORM } from '@mikro-orm/mongodb';
import { closeMongoOrm, createMongoOrm } from '@chatterroom/platform/mongo/create-mongo-orm';

export interface ScratchOrm {
  readonly orm: MikroORM;
  /** Closes the ORM and drops its database. */
  dispose(): Promise<void>;
}

/**
 * For integration tests: an ORM on a database of its own (pass a fresh URL, such as
 * `mongoTestUrl('users')`), dropped again by `dispose`.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const openScratchOrm = async (clientUrl: string, entities: readonly EntitySchema<any>[]): Promise<ScratchOrm> => {
  const orm = await createMongoOrm({ clientUrl, entities });
  return {
    orm,
    dispose: async () => {
      await orm.em.getConnection().getDb().dropDatabase();
      await closeMongoOrm(orm);
    },
  };
};
