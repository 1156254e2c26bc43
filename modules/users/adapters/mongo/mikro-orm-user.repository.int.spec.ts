import { describeUserRepositoryContract } from '@chatterroom/test/contract/ports/users/user-repository.contract';
import { mongoTestUrl } from '@chatterroom/test/harness/services/service-urls';
import { openScratchOrm } from '@chatterroom/test/kits/mongo/mongo-scratch-orm';
import { MikroOrmUserRepository } from './mikro-orm-user.repository';
import { usersEntities } from '.';

describeUserRepositoryContract('MikroOrmUserRepository (MongoDB wire protocol)', async () => {
  const scratch = await openScratchOrm(mongoTestUrl('users'), usersEntities);
  return { repository: new MikroOrmUserRepository({ mongoOrm: scratch.orm }), close: scratch.dispose };
});
