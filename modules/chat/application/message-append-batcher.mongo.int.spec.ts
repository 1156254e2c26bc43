import { describeMessageAppendBatcherContract } from '@chatterroom/test/contract/ports/chat/message-append-batcher.contract';
import { mongoTestUrl } from '@chatterroom/test/harness/services/service-urls';
import { openScratchOrm } from '@chatterroom/test/kits/mongo/mongo-scratch-orm';
import { MikroOrmChatEventLog } from '../adapters/mongo/mikro-orm.chat-event-log';
import { MikroOrmMessageStore } from '../adapters/mongo/mikro-orm.message-store';
import { chatEntities } from '../adapters/mongo';

describeMessageAppendBatcherContract('MikroOrmMessageStore (MongoDB wire protocol)', async () => {
  const scratch = await openScratchOrm(mongoTestUrl('chat_batcher'), chatEntities);
  const eventLog = new MikroOrmChatEventLog({ mongoOrm: scratch.orm });
  return { store: new MikroOrmMessageStore({ mongoOrm: scratch.orm, chatEventLog: eventLog }), eventLog, close: scratch.dispose };
});
