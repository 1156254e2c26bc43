import { describeMessageStoreContract } from '../../../../test/contract/ports/chat/message-store.contract';
import { mongoTestUrl } from '../../../../test/harness/services/service-urls';
import { openScratchOrm } from '../../../../src/platform/mongo/mongo-scratch-orm.testing';
import { MikroOrmChatEventLog } from './mikro-orm.chat-event-log';
import { MikroOrmMessageStore } from './mikro-orm.message-store';
import { chatEntities } from '.';

describeMessageStoreContract('MikroOrmMessageStore (MongoDB wire protocol)', async () => {
  const scratch = await openScratchOrm(mongoTestUrl('chat_messages'), chatEntities);
  const eventLog = new MikroOrmChatEventLog({ mongoOrm: scratch.orm });
  return { store: new MikroOrmMessageStore({ mongoOrm: scratch.orm, chatEventLog: eventLog }), eventLog, close: scratch.dispose };
});
