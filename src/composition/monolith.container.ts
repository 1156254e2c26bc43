import { asClass, asValue, createContainer, InjectionMode, type AwilixContainer } from 'awilix';
import { InMemoryEventBus } from '../../modules/kernel/adapters';
import type { Logger } from '../../modules/kernel';
import {
  usersApplicationRegistrations,
  usersCryptoRegistrations,
  usersInMemoryStorageRegistrations,
  usersMongoStorageRegistrations,
} from '../../modules/users/users.registrations';
import {
  chatApplicationRegistrations,
  chatInMemoryStorageRegistrations,
  chatMongoStorageRegistrations,
} from '../../modules/chat/chat.registrations';
import { usersEntities } from '../../modules/users/adapters/mongo';
import { chatEntities } from '../../modules/chat/adapters/mongo';
import { createMongoOrm } from '../platform/mongo/create-mongo-orm';
import type { MonolithConfig } from '../roles/role-configs';
import { authRegistrations, platformRegistrations } from './shared.registrations';
import type { GatewayCradle } from './gateway-cradle';

/**
 * The single-process deployment: both modules in-process behind their ports, an
 * in-memory event bus, and storage in memory — or in one MongoDB database when
 * MONGO_URL is set.
 */
export const createMonolithContainer = async (config: MonolithConfig, logger: Logger): Promise<AwilixContainer<GatewayCradle>> => {
  const container = createContainer<GatewayCradle>({ injectionMode: InjectionMode.PROXY, strict: true });
  container.register({
    ...platformRegistrations(logger),
    ...authRegistrations(config.auth),
    eventBus: asClass(InMemoryEventBus)
      .singleton()
      .disposer((bus) => bus.close()),
    ...usersApplicationRegistrations(),
    ...usersCryptoRegistrations(),
    ...chatApplicationRegistrations(),
  });
  if (config.mongoUrl === undefined) {
    container.register({ ...usersInMemoryStorageRegistrations(), ...chatInMemoryStorageRegistrations() });
  } else {
    const mongoOrm = await createMongoOrm({ clientUrl: config.mongoUrl, entities: [...usersEntities, ...chatEntities] });
    container.register({
      mongoOrm: asValue(mongoOrm),
      ...usersMongoStorageRegistrations(),
      ...chatMongoStorageRegistrations(),
    });
  }
  return container;
};
