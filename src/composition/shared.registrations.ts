import { asValue, type NameAndRegistrationPair } from 'awilix';
import { systemClock, type Logger } from '../../modules/kernel';
import type { AuthConfig } from '../platform/config/app-config';

/** Values every role registers: the clock and the process logger. */
export const platformRegistrations = (logger: Logger): NameAndRegistrationPair<object> => ({
  clock: asValue(systemClock),
  logger: asValue(logger),
});

/** The settings the users module's crypto adapters read from the cradle. */
export const authRegistrations = (auth: AuthConfig): NameAndRegistrationPair<object> => ({
  jwtSecret: asValue(auth.jwtSecret),
  jwtTtlSeconds: asValue(auth.jwtTtlSeconds),
  bcryptCost: asValue(auth.bcryptCost),
});
