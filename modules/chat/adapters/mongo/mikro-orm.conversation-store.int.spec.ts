import { describeConversationStoreContract } from '@chatterroom/test/contract/ports/chat/conversation-store.contract';
import { mongoTestUrl } from '@chatterroom/test/harness/services/service-urls';
import { openScratchOrm } from '@chatterroom/platform/mongo/mongo-scratch-orm.testing';
import { MikroOrmConversationStore } from './mikro-orm.conversation-store';
import { chatEntities } from '.';

describeConversationStoreContract('MikroOrmConversationStore (MongoDB wire protocol)', async () => {
  const scratch = await openScratchOrm(mongoTestUrl('chat_conversations'), chatEntities);
  return { store: new MikroOrmConversationStore({ mongoOrm: scratch.orm }), close: scratch.dispose };
});
