import { createKeyRotationContainer } from '@chatterroom/composition/key-rotation.container';
import { readAuthConfig, readOptionalMongoUrl } from '@chatterroom/platform/config/app-config';
import { ConfigError } from '@chatterroom/platform/config/env-reader';
import type { AppLogger } from '@chatterroom/platform/logging/create-logger';

type Env = Readonly<Record<string, string | undefined>>;

/**
 * `node dist/src/main.js rotate-keys`: a new signing key signs from now on (older public keys
 * stay published until their tokens expire). Uses USERS_MONGO_URL (user service) or MONGO_URL
 * (monolith); a monolith in memory has nothing to rotate from outside: restart it.
 */
export const rotateKeys = async (env: Env, logger: AppLogger): Promise<string> => {
  const mongoUrl = readOptionalMongoUrl(env, 'USERS_MONGO_URL') ?? readOptionalMongoUrl(env, 'MONGO_URL');
  if (mongoUrl === undefined) throw new ConfigError('rotate-keys needs USERS_MONGO_URL or MONGO_URL: the database holding the signing keys');
  const container = await createKeyRotationContainer({ auth: readAuthConfig(env), mongoUrl }, logger);
  try {
    return await container.cradle.keyRing.rotateNow();
  } finally {
    await container.dispose();
  }
};
