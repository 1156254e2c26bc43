import { silentLogger } from '@chatterroom/kernel';
import { MikroOrmKeyStore, usersEntities } from '@chatterroom/users/adapters/mongo';
import { mongoTestUrl } from '@chatterroom/test/harness/services/service-urls';
import { openScratchOrm } from '@chatterroom/test/kits/mongo/mongo-scratch-orm';
import type { AppLogger } from '@chatterroom/platform/logging/create-logger';
import { rotateKeys } from './rotate-keys.command';

describe('rotate-keys', () => {
  it('adds a key that signs from now on, keeping the older ones, in the database the user service uses', async () => {
    const url = mongoTestUrl('rotate_keys');
    const scratch = await openScratchOrm(url, usersEntities);
    try {
      const first = await rotateKeys({ USERS_MONGO_URL: url }, silentLogger as unknown as AppLogger);
      const second = await rotateKeys({ USERS_MONGO_URL: url }, silentLogger as unknown as AppLogger);
      const keys = await new MikroOrmKeyStore({ mongoOrm: scratch.orm }).list();
      expect(keys.map((key) => key.kid).sort()).toEqual([first, second].sort());
    } finally {
      await scratch.dispose();
    }
  });

  it('says which variable it needs when no database is named', async () => {
    await expect(rotateKeys({}, silentLogger as unknown as AppLogger)).rejects.toThrow(/USERS_MONGO_URL or MONGO_URL/);
  });
});
