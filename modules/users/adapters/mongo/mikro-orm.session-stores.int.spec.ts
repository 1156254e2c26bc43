import { describeSessionStoresContract } from '@chatterroom/test/contract/ports/users/session-stores.contract';
import { mongoTestUrl } from '@chatterroom/test/harness/services/service-urls';
import { openScratchOrm } from '@chatterroom/test/kits/mongo/mongo-scratch-orm';
import { MikroOrmKeyStore } from './mikro-orm.key-store';
import { MikroOrmSessionStore } from './mikro-orm.session-store';
import { MikroOrmTicketStore } from './mikro-orm.ticket-store';
import { usersEntities } from '.';

describeSessionStoresContract('MikroORM (MongoDB wire protocol)', async () => {
  const scratch = await openScratchOrm(mongoTestUrl('sessions'), usersEntities);
  const deps = { mongoOrm: scratch.orm };
  return {
    keyStore: new MikroOrmKeyStore(deps),
    sessionStore: new MikroOrmSessionStore(deps),
    ticketStore: new MikroOrmTicketStore(deps),
    close: scratch.dispose,
  };
});
