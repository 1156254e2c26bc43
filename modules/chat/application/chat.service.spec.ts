import { InMemoryEventBus } from '@chatterroom/kernel/adapters';
import { silentLogger, systemClock } from '@chatterroom/kernel';
import { describeChatApiContract } from '@chatterroom/test/contract/ports/chat/chat-api.contract';
import { createInMemoryChatStorage } from '../adapters/in-memory/in-memory.chat-storage';
import type { UserLookup } from '../ports';
import { MessagingService } from './messaging.service';
import { RoomsService } from './rooms.service';
import { MessageEditingService } from './message-editing.service';
import { RoleRoomModeration } from '../adapters/rooms/role.room-moderation';
import { ConversationsService } from './conversations.service';
import { inMemoryConversationStores } from '@chatterroom/test/contract/ports/chat/in-memory-conversation-stores';
import { RoomAdministrationService } from './room-administration.service';

const setUserLookup = (userIds: readonly number[]): UserLookup => {
  const known = new Set(userIds);
  return { exists: async (userId) => known.has(userId) };
};

describeChatApiContract('in-process services on in-memory stores', async () => {
  const existingUserIds: [number, number, number] = [3, 11, 7];
  const eventBus = new InMemoryEventBus({ logger: silentLogger });
  const stores = { ...createInMemoryChatStorage(), ...inMemoryConversationStores() };
  const common = { ...stores, eventBus, clock: systemClock, logger: silentLogger, userLookup: setUserLookup(existingUserIds) };
  return {
    messaging: new MessagingService(common),
    rooms: new RoomsService(common),
    editing: new MessageEditingService({ ...common, roomModeration: new RoleRoomModeration(stores) }),
    conversations: new ConversationsService(common),
    administration: new RoomAdministrationService(common),
    existingUserIds,
    close: () => eventBus.close(),
  };
});
