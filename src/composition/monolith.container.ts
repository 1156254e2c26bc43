import { asFunction, createContainer, InjectionMode, type AwilixContainer } from 'awilix';
import type { Logger } from '@chatterroom/kernel';
import {
  usersApplicationRegistrations,
  usersCryptoRegistrations,
  usersInMemoryStorageRegistrations,
  usersMongoStorageRegistrations,
  usersSqliteStorageRegistrations,
  type UsersCryptoCradle,
} from '@chatterroom/users/users.registrations';
import {
  chatApplicationRegistrations,
  soleRelayLeadershipRegistration,
  chatInMemoryStorageRegistrations,
  chatMongoStorageRegistrations,
  chatSqliteStorageRegistrations,
  type ChatApplicationCradle,
} from '@chatterroom/chat/chat.registrations';
import { usersEntities } from '@chatterroom/users/adapters/mongo';
import { chatEntities } from '@chatterroom/chat/adapters/mongo';
import type { MonolithConfig } from '@chatterroom/roles/role-configs';
import { authRegistrations, platformRegistrations, warnAboutLegacyJwtSettings } from './shared.registrations';
import { inMemoryEventBusRegistration, inMemoryLimitersRegistration, inMemorySignalBusRegistration, mongoOrmRegistration, readinessChecksRegistration } from './infrastructure.registrations';
import { sqliteReadiness } from '@chatterroom/platform/health/dependency-checks';
import { sqliteRegistrations } from './sqlite.registrations';
import type { GatewayCradle, OpenCradle } from './gateway-cradle';
import { watchOutboxLag, watchRelayLeading } from '@chatterroom/platform/metrics/broker-metrics';

/**
 * The single-process deployment: both modules in-process behind their ports, an
 * in-memory event bus, and the storage `config.storage` names: one SQLite file per module
 * in DATA_DIR (the default), process memory, or both modules in one MongoDB database.
 */
export const createMonolithContainer = async (config: MonolithConfig, logger: Logger): Promise<AwilixContainer<OpenCradle<GatewayCradle & UsersCryptoCradle & Pick<ChatApplicationCradle, 'chatEventRelay'>>>> => {
  const container = createContainer<OpenCradle<GatewayCradle & UsersCryptoCradle & Pick<ChatApplicationCradle, 'chatEventRelay'>>>({ injectionMode: InjectionMode.PROXY, strict: true });
  container.register({
    ...platformRegistrations(logger),
    ...authRegistrations(config.auth),
    ...inMemoryEventBusRegistration(),
    ...inMemoryLimitersRegistration(),
    ...inMemorySignalBusRegistration(config.presenceTtlSeconds * 1000),
    ...usersApplicationRegistrations(),
    ...usersCryptoRegistrations(),
    ...chatApplicationRegistrations(config.chatEventRetentionSeconds),
    ...soleRelayLeadershipRegistration(),
  });
  const { storage } = config;
  if (storage.kind === 'memory') {
    container.register({ ...usersInMemoryStorageRegistrations(), ...chatInMemoryStorageRegistrations(), ...readinessChecksRegistration() });
  } else if (storage.kind === 'sqlite') {
    container.register({
      ...sqliteRegistrations(storage.dataDir, logger),
      ...usersSqliteStorageRegistrations(),
      ...chatSqliteStorageRegistrations(),
      readinessChecks: asFunction(({ usersSqlite, chatSqlite }) => [sqliteReadiness(usersSqlite, 'users-database'), sqliteReadiness(chatSqlite, 'chat-database')]).singleton(),
    });
    // Resolved now so that disposing the container closes (and checkpoints) every file, used or not.
    for (const key of ['usersSqlite', 'chatSqlite'] as const) container.resolve(key);
  } else {
    container.register({
      ...(await mongoOrmRegistration(storage.mongoUrl, [...usersEntities, ...chatEntities], logger)),
      ...usersMongoStorageRegistrations(),
      ...chatMongoStorageRegistrations(),
      ...readinessChecksRegistration('databaseReadiness'),
    });
  }
  warnAboutLegacyJwtSettings(config.auth, logger);
  await container.cradle.keyRing.start();
  const relay = container.cradle.chatEventRelay;
  relay.start();
  watchOutboxLag(() => relay.pendingSince());
  watchRelayLeading(() => relay.isLeading());
  return container;
};
