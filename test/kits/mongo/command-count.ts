import type { MikroORM } from '@mikro-orm/mongodb';
import type { CommandStartedEvent } from 'mongodb';
import { mongoTestUrl } from '@chatterroom/test/harness/services/service-urls';

/** A fresh test database's URL (see mongoTestUrl) whose clients report every command they start, for {@link countCommandsDuring}. */
export const monitoredMongoTestUrl = (label: string): string => {
  const address = new URL(mongoTestUrl(label));
  address.searchParams.set('monitorCommands', 'true');
  return address.toString();
};

/**
 * For integration tests on an ORM opened with `monitorCommands=true` in its URL: the sum of
 * `weigh(command)` over the commands the driver starts while `work` runs (e.g. 1 per find on a
 * collection, or the number of statements of an update).
 */
export const countCommandsDuring = async (orm: MikroORM, weigh: (event: CommandStartedEvent) => number, work: () => Promise<unknown>): Promise<number> => {
  let total = 0;
  const count = (event: CommandStartedEvent): void => {
    total += weigh(event);
  };
  const client = orm.em.getConnection().getClient();
  client.on('commandStarted', count);
  try {
    await work();
  } finally {
    client.off('commandStarted', count);
  }
  return total;
};
