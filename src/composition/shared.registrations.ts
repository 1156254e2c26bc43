import { asValue, type NameAndRegistrationPair } from 'awilix';
import { systemClock, type Logger } from '@chatterroom/kernel';
import type { AuthConfig } from '@chatterroom/platform/config/app-config';

/** Values every role registers: the clock and the process logger. */
export const platformRegistrations = (logger: Logger): NameAndRegistrationPair<object> => ({
  clock: asValue(systemClock),
  logger: asValue(logger),
});

/** The settings the users module's token, session and crypto adapters read from the cradle. */
export const authRegistrations = (auth: AuthConfig): NameAndRegistrationPair<object> => ({
  accessTokenTtlSeconds: asValue(auth.accessTokenTtlSeconds),
  refreshTokenTtlSeconds: asValue(auth.refreshTokenTtlSeconds),
  signingKeyRotationSeconds: asValue(auth.signingKeyRotationSeconds),
  tokenClockToleranceSeconds: asValue(auth.tokenClockToleranceSeconds),
  sessionCheckCacheSeconds: asValue(auth.sessionCheckCacheSeconds),
  bcryptCost: asValue(auth.bcryptCost),
});

/** Logs once that the settings of the old shared-secret tokens are set but no longer used. */
export const warnAboutLegacyJwtSettings = (auth: AuthConfig, logger: Logger): void => {
  if (auth.legacyJwtSettings) {
    logger.warn({}, 'JWT_SECRET and JWT_TTL_SECONDS are no longer used: tokens are EdDSA-signed by the users module (see ACCESS_TOKEN_TTL_SECONDS)');
  }
};
