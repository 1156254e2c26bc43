import { describeUserRepositoryContract } from '../../../../test/contract/ports/users/user-repository.contract';
import { mongoTestUrl } from '../../../../test/harness/services/service-urls';
import { openScratchOrm } from '../../../../src/platform/mongo/mongo-scratch-orm.testing';
import { MikroOrmUserRepository } from './mikro-orm-user.repository';
import { usersEntities } from '.';

describeUserRepositoryContract('MikroOrmUserRepository (MongoDB wire protocol)', async () => {
  const scratch = await openScratchOrm(mongoTestUrl('users'), usersEntities);
  return { repository: new MikroOrmUserRepository({ mongoOrm: scratch.orm }), close: scratch.dispose };
});
