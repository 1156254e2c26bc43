import { createContainer, InjectionMode, type AwilixContainer } from 'awilix';
import type { Logger } from '@chatterroom/kernel';
import { usersCryptoRegistrations, usersMongoStorageRegistrations, type UsersCryptoCradle } from '@chatterroom/users/users.registrations';
import { usersEntities } from '@chatterroom/users/adapters/mongo';
import type { AuthConfig } from '@chatterroom/platform/config/app-config';
import type { OpenCradle } from './gateway-cradle';
import { authRegistrations, platformRegistrations } from './shared.registrations';
import { mongoOrmRegistration } from './infrastructure.registrations';

/** `rotate-keys`: the users module's key ring over the MongoDB the user service (or monolith) uses. */
export const createKeyRotationContainer = async (
  config: { auth: AuthConfig; mongoUrl: string },
  logger: Logger,
): Promise<AwilixContainer<OpenCradle<UsersCryptoCradle>>> => {
  const container = createContainer<OpenCradle<UsersCryptoCradle>>({ injectionMode: InjectionMode.PROXY, strict: true });
  container.register({
    ...platformRegistrations(logger),
    ...authRegistrations(config.auth),
    ...(await mongoOrmRegistration(config.mongoUrl, usersEntities, logger)),
    ...usersMongoStorageRegistrations(),
    ...usersCryptoRegistrations(),
  });
  return container;
};
