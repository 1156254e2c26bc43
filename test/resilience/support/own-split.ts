import { freePort } from '@chatterroom/test/harness/system/free-port';
import type { RunningTarget } from '@chatterroom/test/harness/system/targets/running-target';
import { startSplit } from '@chatterroom/test/harness/system/targets/split.target';
import { startOwnFerretDb, type OwnFerretDb } from '@chatterroom/test/harness/services/own-ferretdb';
import { startOwnRabbitMqNode, type OwnRabbitMqNode } from '@chatterroom/test/kits/amqp/own-rabbitmq-node';
import { startOwnRedisServer, type OwnRedisServer } from '@chatterroom/test/kits/redis/own-redis-server';
import { targetOptions, type StartedProcesses } from './started-processes';

/** A split deployment a fault test may hurt, and what it runs on. */
export interface OwnSplit {
  readonly target: RunningTarget;
  readonly broker: OwnRabbitMqNode;
  /**
   * Stops everything `started` holds, then the deployment's FerretDB, Redis and RabbitMQ node: each
   * step is tried whatever the one before did (a test that failed must not leave a broker running),
   * then the first failure is thrown.
   */
  close(): Promise<void>;
}

/**
 * The split deployment (two gateways) on a RabbitMQ node, a Redis and a FerretDB of its own, each
 * on free ports the OS picks: a test may stop, kill or flood any of them, never the machine's
 * shared services. Databases are named after `label`; `env` goes to every process.
 */
export const startOwnSplit = async (
  started: StartedProcesses,
  label: string,
  env: Readonly<Record<string, string>> = {},
): Promise<OwnSplit> => {
  let broker: OwnRabbitMqNode | undefined;
  let redis: OwnRedisServer | undefined;
  let ferretDb: OwnFerretDb | undefined;
  const close = async () => {
    const failures: unknown[] = [];
    for (const step of [() => started.cleanUp(), () => ferretDb?.remove(), () => redis?.kill(), () => broker?.close()]) {
      await Promise.resolve()
        .then(step)
        .catch((error: unknown) => failures.push(error));
    }
    if (failures.length > 0) throw failures[0];
  };
  try {
    broker = await startOwnRabbitMqNode();
    redis = await startOwnRedisServer(await freePort());
    ferretDb = await startOwnFerretDb(await freePort());
    const target = started.addTarget(await startSplit(targetOptions({
      AMQP_URL: broker.url,
      REDIS_URL: redis.url,
      USERS_MONGO_URL: ferretDb.urlOf(`${label}_users`),
      CHAT_MONGO_URL: ferretDb.urlOf(`${label}_chat`),
      ...env,
    })));
    return { target, broker, close };
  } catch (error) {
    await close();
    throw error;
  }
};
