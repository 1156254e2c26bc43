import { describeReadMarkerStoreContract } from '@chatterroom/test/contract/ports/chat/read-marker-store.contract';
import { mongoTestUrl } from '@chatterroom/test/harness/services/service-urls';
import { openScratchOrm } from '@chatterroom/test/kits/mongo/mongo-scratch-orm';
import { MikroOrmReadMarkerStore } from './mikro-orm.read-marker-store';
import { chatEntities } from '.';

describeReadMarkerStoreContract('MikroOrmReadMarkerStore (MongoDB wire protocol)', async () => {
  const scratch = await openScratchOrm(mongoTestUrl('chat_read_markers'), chatEntities);
  return { store: new MikroOrmReadMarkerStore({ mongoOrm: scratch.orm }), close: scratch.dispose };
});
