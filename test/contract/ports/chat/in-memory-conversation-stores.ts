import { InMemoryConversationStore } from '@chatterroom/chat/adapters/in-memory/in-memory.conversation-store';
import { InMemoryReadMarkerStore } from '@chatterroom/chat/adapters/in-memory/in-memory.read-marker-store';
import { ConversationTracking } from '@chatterroom/chat/application/conversation-tracking';

/** The conversation summaries and read markers of a chat module built by hand in a test, in memory, with their tracking. */
export const inMemoryConversationStores = () => {
  const stores = { conversationStore: new InMemoryConversationStore(), readMarkerStore: new InMemoryReadMarkerStore() };
  return { ...stores, conversationTracking: new ConversationTracking(stores) };
};
