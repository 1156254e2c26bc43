import { createContainer, InjectionMode, type AwilixContainer } from 'awilix';
import type { Logger } from '../../modules/kernel';
import {
  usersApplicationRegistrations,
  usersCryptoRegistrations,
  usersInMemoryStorageRegistrations,
  usersMongoStorageRegistrations,
  type UsersCryptoCradle,
} from '../../modules/users/users.registrations';
import {
  chatApplicationRegistrations,
  chatInMemoryStorageRegistrations,
  chatMongoStorageRegistrations,
} from '../../modules/chat/chat.registrations';
import { usersEntities } from '../../modules/users/adapters/mongo';
import { chatEntities } from '../../modules/chat/adapters/mongo';
import type { MonolithConfig } from '../roles/role-configs';
import { authRegistrations, platformRegistrations, warnAboutLegacyJwtSettings } from './shared.registrations';
import { inMemoryEventBusRegistration, mongoOrmRegistration } from './infrastructure.registrations';
import type { GatewayCradle, OpenCradle } from './gateway-cradle';

/**
 * The single-process deployment: both modules in-process behind their ports, an
 * in-memory event bus, and storage in memory — or both modules in one MongoDB
 * database when MONGO_URL is set.
 */
export const createMonolithContainer = async (config: MonolithConfig, logger: Logger): Promise<AwilixContainer<OpenCradle<GatewayCradle & UsersCryptoCradle>>> => {
  const container = createContainer<OpenCradle<GatewayCradle & UsersCryptoCradle>>({ injectionMode: InjectionMode.PROXY, strict: true });
  container.register({
    ...platformRegistrations(logger),
    ...authRegistrations(config.auth),
    ...inMemoryEventBusRegistration(),
    ...usersApplicationRegistrations(),
    ...usersCryptoRegistrations(),
    ...chatApplicationRegistrations(),
  });
  if (config.mongoUrl === undefined) {
    container.register({ ...usersInMemoryStorageRegistrations(), ...chatInMemoryStorageRegistrations() });
  } else {
    container.register({
      ...(await mongoOrmRegistration(config.mongoUrl, [...usersEntities, ...chatEntities], logger)),
      ...usersMongoStorageRegistrations(),
      ...chatMongoStorageRegistrations(),
    });
  }
  warnAboutLegacyJwtSettings(config.auth, logger);
  await container.cradle.keyRing.start();
  return container;
};
