import { describeChatEventLogContract } from '@chatterroom/test/contract/ports/chat/chat-event-log.contract';
import { mongoTestUrl } from '@chatterroom/test/harness/services/service-urls';
import { closeMongoOrm, createMongoOrm } from '@chatterroom/platform/mongo/create-mongo-orm';
import { openScratchOrm } from '@chatterroom/test/kits/mongo/mongo-scratch-orm';
import { MikroOrmChatEventLog } from './mikro-orm.chat-event-log';
import { chatEventSchema, type ChatEventDocument } from './chat-event.schema';
import { chatEntities } from '.';

describeChatEventLogContract('MikroOrmChatEventLog (MongoDB wire protocol)', async () => {
  const url = mongoTestUrl('chat_events');
  const scratch = await openScratchOrm(url, chatEntities);
  // A second connection, as a second chat-service replica has.
  const twinOrm = await createMongoOrm({ clientUrl: url, entities: chatEntities });
  return {
    log: new MikroOrmChatEventLog({ mongoOrm: scratch.orm }),
    twin: new MikroOrmChatEventLog({ mongoOrm: twinOrm }),
    stored: async (id) => scratch.orm.em.getCollection<ChatEventDocument>(chatEventSchema).findOne({ _id: id }),
    close: async () => {
      await closeMongoOrm(twinOrm);
      await scratch.dispose();
    },
  };
});
