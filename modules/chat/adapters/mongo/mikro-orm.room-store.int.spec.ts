import { describeRoomStoreContract } from '@chatterroom/test/contract/ports/chat/room-store.contract';
import { mongoTestUrl } from '@chatterroom/test/harness/services/service-urls';
import { openScratchOrm } from '@chatterroom/test/kits/mongo/mongo-scratch-orm';
import { MikroOrmRoomStore } from './mikro-orm.room-store';
import { chatEntities } from '.';

describeRoomStoreContract('MikroOrmRoomStore (MongoDB wire protocol)', async () => {
  const scratch = await openScratchOrm(mongoTestUrl('chat_rooms'), chatEntities);
  return { store: new MikroOrmRoomStore({ mongoOrm: scratch.orm }), close: scratch.dispose };
});
