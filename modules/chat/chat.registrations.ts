import { aliasTo, asClass, asValue } from 'awilix';
import type { NameAndRegistrationPair } from 'awilix';
import { InMemoryChatEventLog } from './adapters/in-memory/in-memory.chat-event-log';
import { InMemoryMessageStore } from './adapters/in-memory/in-memory.message-store';
import { InMemoryRoomMembership } from './adapters/in-memory/in-memory.room-membership';
import { InMemoryRoomStore } from './adapters/in-memory/in-memory.room-store';
import { MikroOrmChatEventLog, MikroOrmMessageStore, MikroOrmRoomMembership, MikroOrmRoomStore } from './adapters/mongo';
import { SqliteChatEventLog, SqliteMessageStore, SqliteRoomMembership, SqliteRoomStore } from './adapters/sqlite';
import { UserDirectoryUserLookup } from './adapters/users/user-directory.user-lookup';
import { RedisCachedRoomMembership } from './adapters/redis/redis-cached.room-membership';
import { GrpcChatClient } from './adapters/grpc/chat.grpc-client';
import { MessagingService } from './application/messaging.service';
import { RoomsService } from './application/rooms.service';
import { ChatEventRelay } from './application/chat-event-relay';
import { ChatFeedService } from './application/chat-feed.service';
import type { ChatFeed, Messaging, RoomRegistry } from './contracts';
import type { ChatEventLog, MessageStore, RoomMembership, RoomStore, UserLookup } from './ports';

/** Default of CHAT_EVENT_RETENTION_SECONDS: events (and cursors) are kept 7 days. */
export const DEFAULT_CHAT_EVENT_RETENTION_SECONDS = 7 * 24 * 3600;

/** What {@link chatApplicationRegistrations} adds to a container. */
export interface ChatApplicationCradle {
  readonly messaging: Messaging;
  readonly roomRegistry: RoomRegistry;
  readonly userLookup: UserLookup;
  readonly chatFeed: ChatFeed;
  readonly chatEventRelay: ChatEventRelay;
  readonly chatEventRetentionMs: number;
}

/** What a chat storage bundle adds to a container. */
export interface ChatStorageCradle {
  readonly roomStore: RoomStore;
  readonly roomMembership: RoomMembership;
  readonly messageStore: MessageStore;
  readonly chatEventLog: ChatEventLog;
}

/**
 * The chat module's services: `messaging` and `roomRegistry` (its inbound ports) and
 * `userLookup` (answered by whatever `userDirectory` the container holds), `chatFeed`
 * (a user's events from the event log) and `chatEventRelay` (the outbox relay publishing the
 * event log on `eventBus`: the role starts it; disposing the container stops it). They need
 * `roomStore`, `roomMembership`, `messageStore`, `chatEventLog`, `userDirectory`, `eventBus`,
 * `clock` and `logger` registered beside them (PROXY injection: each gets the cradle as deps).
 */
export const chatApplicationRegistrations = (
  retentionSeconds = DEFAULT_CHAT_EVENT_RETENTION_SECONDS,
): NameAndRegistrationPair<ChatApplicationCradle> => ({
  messaging: asClass(MessagingService).singleton(),
  roomRegistry: asClass(RoomsService).singleton(),
  userLookup: asClass(UserDirectoryUserLookup).singleton(),
  chatFeed: asClass(ChatFeedService).singleton(),
  chatEventRelay: asClass(ChatEventRelay)
    .singleton()
    .disposer((relay) => relay.stop()),
  chatEventRetentionMs: asValue(retentionSeconds * 1000),
});

/** Chat storage kept in process memory: for the monolith without databases, and tests. */
export const chatInMemoryStorageRegistrations = (): NameAndRegistrationPair<ChatStorageCradle> => ({
  roomStore: asClass(InMemoryRoomStore).singleton(),
  roomMembership: asClass(InMemoryRoomMembership).singleton(),
  messageStore: asClass(InMemoryMessageStore).singleton(),
  chatEventLog: asClass(InMemoryChatEventLog).singleton(),
});

/** Chat storage in MongoDB through MikroORM; needs `mongoOrm` registered (with `chatEntities`). */
export const chatMongoStorageRegistrations = (): NameAndRegistrationPair<ChatStorageCradle> => ({
  roomStore: asClass(MikroOrmRoomStore).singleton(),
  roomMembership: asClass(MikroOrmRoomMembership).singleton(),
  messageStore: asClass(MikroOrmMessageStore).singleton(),
  chatEventLog: asClass(MikroOrmChatEventLog).singleton(),
});

/** Chat storage in SQLite; needs `chatSqlite` registered (DATA_DIR/chat.db, opened with `chatSqliteMigrations`). */
export const chatSqliteStorageRegistrations = (): NameAndRegistrationPair<ChatStorageCradle> => ({
  roomStore: asClass(SqliteRoomStore).singleton(),
  roomMembership: asClass(SqliteRoomMembership).singleton(),
  messageStore: asClass(SqliteMessageStore).singleton(),
  chatEventLog: asClass(SqliteChatEventLog).singleton(),
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
  readonly chatFeed: ChatFeed;
  readonly roomRegistry: RoomRegistry;
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
  chatFeed: aliasTo('chatGrpcClient'),
  roomRegistry: aliasTo('chatGrpcClient'),
});
