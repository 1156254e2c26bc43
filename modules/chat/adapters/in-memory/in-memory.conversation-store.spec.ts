import { describeConversationStoreContract } from '@chatterroom/test/contract/ports/chat/conversation-store.contract';
import { InMemoryConversationStore } from './in-memory.conversation-store';

describeConversationStoreContract('InMemoryConversationStore', async () => ({ store: new InMemoryConversationStore(), close: async () => {} }));
