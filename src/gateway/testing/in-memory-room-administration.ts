import type { RoomAdministration } from '../../../modules/chat/contracts';
import { InMemoryMessageStore } from '../../../modules/chat/adapters/in-memory/in-memory.message-store';
import { InMemoryRoomMembership } from '../../../modules/chat/adapters/in-memory/in-memory.room-membership';
import { InMemoryRoomStore } from '../../../modules/chat/adapters/in-memory/in-memory.room-store';
import { RoomAdministrationService } from '../../../modules/chat/application/room-administration.service';
import { InMemoryConversationStore } from '../../../modules/chat/adapters/in-memory/in-memory.conversation-store';
import { InMemoryReadMarkerStore } from '../../../modules/chat/adapters/in-memory/in-memory.read-marker-store';
import { ConversationTracking } from '../../../modules/chat/application/conversation-tracking';
import { silentLogger, systemClock, type EventBus } from '../../../modules/kernel';

/**
 * The real {@link RoomAdministration} on in-memory stores of its own, for gateway tests that
 * build the gateway over {@link FakeChat}: the rooms FakeChat knows are not in these stores,
 * so tests of running rooms use the system suite (both deployments) instead.
 */
export const inMemoryRoomAdministration = (eventBus: EventBus, userExists: (userId: number) => boolean): RoomAdministration => {
  const markers = { conversationStore: new InMemoryConversationStore(), readMarkerStore: new InMemoryReadMarkerStore() };
  return new RoomAdministrationService({
    readMarkerStore: markers.readMarkerStore,
    conversationTracking: new ConversationTracking(markers),
    roomStore: new InMemoryRoomStore(),
    roomMembership: new InMemoryRoomMembership(),
    messageStore: new InMemoryMessageStore(),
    userLookup: { exists: async (userId) => userExists(userId) },
    eventBus,
    clock: systemClock,
    logger: silentLogger,
  });
};
