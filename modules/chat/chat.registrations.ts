import { asClass } from 'awilix';
import type { NameAndRegistrationPair } from 'awilix';
import { InMemoryMessageStore } from './adapters/in-memory/in-memory.message-store';
import { InMemoryRoomMembership } from './adapters/in-memory/in-memory.room-membership';
import { InMemoryRoomStore } from './adapters/in-memory/in-memory.room-store';
import { UserDirectoryUserLookup } from './adapters/users/user-directory.user-lookup';
import { MessagingService } from './application/messaging.service';
import { RoomsService } from './application/rooms.service';
import type { Messaging, RoomRegistry } from './contracts';
import type { MessageStore, RoomMembership, RoomStore, UserLookup } from './ports';

/** What {@link chatApplicationRegistrations} adds to a container. */
export interface ChatApplicationCradle {
  readonly messaging: Messaging;
  readonly roomRegistry: RoomRegistry;
  readonly userLookup: UserLookup;
}

/** What a chat storage bundle adds to a container. */
export interface ChatStorageCradle {
  readonly roomStore: RoomStore;
  readonly roomMembership: RoomMembership;
  readonly messageStore: MessageStore;
}

/**
 * The chat module's services: `messaging` and `roomRegistry` (its inbound ports) and
 * `userLookup` (answered by whatever `userDirectory` the container holds). They need
 * `roomStore`, `roomMembership`, `messageStore`, `userDirectory`, `eventBus`, `clock`
 * and `logger` registered beside them (PROXY injection: each gets the cradle as deps).
 */
export const chatApplicationRegistrations = (): NameAndRegistrationPair<ChatApplicationCradle> => ({
  messaging: asClass(MessagingService).singleton(),
  roomRegistry: asClass(RoomsService).singleton(),
  userLookup: asClass(UserDirectoryUserLookup).singleton(),
});

/** Chat storage kept in process memory: for the monolith without databases, and tests. */
export const chatInMemoryStorageRegistrations = (): NameAndRegistrationPair<ChatStorageCradle> => ({
  roomStore: asClass(InMemoryRoomStore).singleton(),
  roomMembership: asClass(InMemoryRoomMembership).singleton(),
  messageStore: asClass(InMemoryMessageStore).singleton(),
});
