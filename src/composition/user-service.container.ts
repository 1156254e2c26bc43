import { createContainer, InjectionMode, type AwilixContainer } from 'awilix';
import type { Logger } from '@chatterroom/kernel';
import {
  usersApplicationRegistrations,
  usersCryptoRegistrations,
  usersMongoStorageRegistrations,
  type UsersApplicationCradle,
  type UsersCryptoCradle,
} from '@chatterroom/users/users.registrations';
import { usersEntities } from '@chatterroom/users/adapters/mongo';
import type { UserServiceConfig } from '@chatterroom/roles/role-configs';
import type { OpenCradle, ReadinessCradle } from './gateway-cradle';
import { authRegistrations, platformRegistrations, warnAboutLegacyJwtSettings } from './shared.registrations';
import { mongoOrmRegistration, rabbitMqEventBusRegistration, readinessChecksRegistration } from './infrastructure.registrations';

/** The user service: the users module over its own MongoDB database, publishing to RabbitMQ. */
export const createUserServiceContainer = async (
  config: UserServiceConfig,
  logger: Logger,
): Promise<AwilixContainer<OpenCradle<UsersApplicationCradle & UsersCryptoCradle & ReadinessCradle>>> => {
  const container = createContainer<OpenCradle<UsersApplicationCradle & UsersCryptoCradle & ReadinessCradle>>({ injectionMode: InjectionMode.PROXY, strict: true });
  container.register({
    ...platformRegistrations(logger),
    ...authRegistrations(config.auth),
    ...usersApplicationRegistrations(),
    ...usersCryptoRegistrations(),
    ...(await mongoOrmRegistration(config.mongoUrl, usersEntities, logger)),
    ...usersMongoStorageRegistrations(),
    ...(await rabbitMqEventBusRegistration(config.amqp, logger)),
    ...readinessChecksRegistration('databaseReadiness', 'brokerReadiness'),
  });
  warnAboutLegacyJwtSettings(config.auth, logger);
  await container.cradle.keyRing.start();
  return container;
};
