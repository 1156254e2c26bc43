import type { RoomAdministration } from '@chatterroom/chat/contracts';
import { createInMemoryChatStorage } from '@chatterroom/chat/adapters/in-memory/in-memory.chat-storage';
import { ChatEventRelay } from '@chatterroom/chat/application/chat-event-relay';
import { SoleRelayLeadership } from '@chatterroom/chat/adapters/in-memory/sole.relay-leadership';
import { RoomAdministrationService } from '@chatterroom/chat/application/room-administration.service';
import { InMemoryConversationStore } from '@chatterroom/chat/adapters/in-memory/in-memory.conversation-store';
import { InMemoryReadMarkerStore } from '@chatterroom/chat/adapters/in-memory/in-memory.read-marker-store';
import { ConversationTracking } from '@chatterroom/chat/application/conversation-tracking';
import { silentLogger, systemClock, type EventBus } from '@chatterroom/kernel';

/**
 * The real {@link RoomAdministration} on in-memory stores of its own, for gateway tests that
 * build the gateway over {@link FakeChat}: the rooms FakeChat knows are not in these stores,
 * so tests of running rooms use the system suite (both deployments) instead.
 */
export const inMemoryRoomAdministration = (eventBus: EventBus, userExists: (userId: number) => boolean): RoomAdministration => {
  const markers = { conversationStore: new InMemoryConversationStore(), readMarkerStore: new InMemoryReadMarkerStore() };
  const storage = createInMemoryChatStorage();
  return new RoomAdministrationService({
    ...storage,
    readMarkerStore: markers.readMarkerStore,
    conversationTracking: new ConversationTracking(markers),
    userLookup: { exists: async (userId) => userExists(userId) },
    chatEventRelay: new ChatEventRelay({ chatEventLog: storage.chatEventLog, roomMembership: storage.roomMembership, relayLeadership: new SoleRelayLeadership(), eventBus, logger: silentLogger, chatEventRetentionMs: 3_600_000 }),
    clock: systemClock,
    logger: silentLogger,
  });
};
