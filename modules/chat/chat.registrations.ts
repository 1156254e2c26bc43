import { aliasTo, asClass } from 'awilix';
import type { NameAndRegistrationPair } from 'awilix';
import { InMemoryMessageStore } from './adapters/in-memory/in-memory.message-store';
import { InMemoryRoomMembership } from './adapters/in-memory/in-memory.room-membership';
import { InMemoryRoomStore } from './adapters/in-memory/in-memory.room-store';
import { MikroOrmMessageStore, MikroOrmRoomMembership, MikroOrmRoomStore } from './adapters/mongo';
import { SqliteMessageStore, SqliteRoomMembership, SqliteRoomStore } from './adapters/sqlite';
import { UserDirectoryUserLookup } from './adapters/users/user-directory.user-lookup';
import { RedisCachedRoomMembership } from './adapters/redis/redis-cached.room-membership';
import { GrpcChatClient } from './adapters/grpc/chat.grpc-client';
import { MessagingService } from './application/messaging.service';
import { RoomsService } from './application/rooms.service';
import { RoomAdministrationService } from './application/room-administration.service';
import type { Messaging, RoomAdministration, RoomRegistry } from './contracts';
import type { MessageStore, RoomMembership, RoomStore, UserLookup } from './ports';

/** What {@link chatApplicationRegistrations} adds to a container. */
export interface ChatApplicationCradle {
  readonly messaging: Messaging;
  readonly roomRegistry: RoomRegistry;
  readonly roomAdministration: RoomAdministration;
  readonly userLookup: UserLookup;
}

/** What a chat storage bundle adds to a container. */
export interface ChatStorageCradle {
  readonly roomStore: RoomStore;
  readonly roomMembership: RoomMembership;
  readonly messageStore: MessageStore;
}

/**
 * The chat module's services: `messaging`, `roomRegistry` and `roomAdministration` (its inbound ports) and
 * `userLookup` (answered by whatever `userDirectory` the container holds). They need
 * `roomStore`, `roomMembership`, `messageStore`, `userDirectory`, `eventBus`, `clock`
 * and `logger` registered beside them (PROXY injection: each gets the cradle as deps).
 */
export const chatApplicationRegistrations = (): NameAndRegistrationPair<ChatApplicationCradle> => ({
  messaging: asClass(MessagingService).singleton(),
  roomRegistry: asClass(RoomsService).singleton(),
  roomAdministration: asClass(RoomAdministrationService).singleton(),
  userLookup: asClass(UserDirectoryUserLookup).singleton(),
});

/** Chat storage kept in process memory: for the monolith without databases, and tests. */
export const chatInMemoryStorageRegistrations = (): NameAndRegistrationPair<ChatStorageCradle> => ({
  roomStore: asClass(InMemoryRoomStore).singleton(),
  roomMembership: asClass(InMemoryRoomMembership).singleton(),
  messageStore: asClass(InMemoryMessageStore).singleton(),
});

/** Chat storage in MongoDB through MikroORM; needs `mongoOrm` registered (with `chatEntities`). */
export const chatMongoStorageRegistrations = (): NameAndRegistrationPair<ChatStorageCradle> => ({
  roomStore: asClass(MikroOrmRoomStore).singleton(),
  roomMembership: asClass(MikroOrmRoomMembership).singleton(),
  messageStore: asClass(MikroOrmMessageStore).singleton(),
});

/** Chat storage in SQLite; needs `chatSqlite` registered (DATA_DIR/chat.db, opened with `chatSqliteMigrations`). */
export const chatSqliteStorageRegistrations = (): NameAndRegistrationPair<ChatStorageCradle> => ({
  roomStore: asClass(SqliteRoomStore).singleton(),
  roomMembership: asClass(SqliteRoomMembership).singleton(),
  messageStore: asClass(SqliteMessageStore).singleton(),
});

/**
 * Room membership served from Redis in front of the MongoDB record (the split
 * deployment's fan-out path). Apply after {@link chatMongoStorageRegistrations};
 * needs `redis` and `mongoOrm` registered.
 */
export const chatRedisMembershipRegistrations = (): NameAndRegistrationPair<
  Pick<ChatStorageCradle, 'roomMembership'> & { readonly durableRoomMembership: RoomMembership }
> => ({
  durableRoomMembership: asClass(MikroOrmRoomMembership).singleton(),
  roomMembership: asClass(RedisCachedRoomMembership).singleton(),
});

/** What {@link chatGrpcClientRegistrations} adds to a container. */
export interface ChatRemoteCradle {
  readonly chatGrpcClient: GrpcChatClient;
  readonly messaging: Messaging;
  readonly roomRegistry: RoomRegistry;
  readonly roomAdministration: RoomAdministration;
}

/**
 * The chat module's inbound ports answered by the chat service over gRPC. Reads
 * `chatGrpcAddress`, `grpcDeadlineMs`, `grpcCallCredentials`, `grpcClientTls` and `logger`; the channel closes with the container.
 */
export const chatGrpcClientRegistrations = (): NameAndRegistrationPair<ChatRemoteCradle> => ({
  chatGrpcClient: asClass(GrpcChatClient)
    .singleton()
    .disposer((client) => client.close()),
  messaging: aliasTo('chatGrpcClient'),
  roomRegistry: aliasTo('chatGrpcClient'),
  roomAdministration: aliasTo('chatGrpcClient'),
});
