import { aliasTo, asClass, asValue } from 'awilix';
import type { NameAndRegistrationPair } from 'awilix';
import { InMemoryChatEventLog } from './adapters/in-memory/in-memory.chat-event-log';
import { InMemoryMessageStore } from './adapters/in-memory/in-memory.message-store';
import { InMemoryRoomMembership } from './adapters/in-memory/in-memory.room-membership';
import { InMemoryRoomStore } from './adapters/in-memory/in-memory.room-store';
import { InMemoryConversationStore } from './adapters/in-memory/in-memory.conversation-store';
import { InMemoryReadMarkerStore } from './adapters/in-memory/in-memory.read-marker-store';
import {
  MikroOrmChatEventLog,
  MikroOrmConversationStore,
  MikroOrmMessageStore,
  MikroOrmReadMarkerStore,
  MikroOrmRoomMembership,
  MikroOrmRoomStore,
} from './adapters/mongo';
import {
  SqliteChatEventLog,
  SqliteConversationStore,
  SqliteMessageStore,
  SqliteReadMarkerStore,
  SqliteRoomMembership,
  SqliteRoomStore,
} from './adapters/sqlite';
import { UserDirectoryUserLookup } from './adapters/users/user-directory.user-lookup';
import { RedisCachedRoomMembership } from './adapters/redis/redis-cached.room-membership';
import { GrpcChatClient } from './adapters/grpc/chat.grpc-client';
import { GrpcConversationsClient } from './adapters/grpc/conversations.grpc-client';
import { ConversationTracking } from './application/conversation-tracking';
import { ConversationsService } from './application/conversations.service';
import { MessagingService } from './application/messaging.service';
import { MessageEditingService } from './application/message-editing.service';
import { RoleRoomModeration } from './adapters/rooms/role.room-moderation';
import { RoomsService } from './application/rooms.service';
import { ChatEventRelay } from './application/chat-event-relay';
import { ChatFeedService } from './application/chat-feed.service';
import { RoomAdministrationService } from './application/room-administration.service';
import type { ChatFeed, Conversations, MessageEditing, Messaging, RoomAdministration, RoomRegistry } from './contracts';
import type { ChatEventLog, ConversationStore, MessageStore, ReadMarkerStore, RelayLeadership, RoomMembership, RoomModeration, RoomStore, UserLookup } from './ports';
import { SoleRelayLeadership } from './adapters/in-memory/sole.relay-leadership';
import { RedisRelayLeadership } from './adapters/redis/redis.relay-leadership';
import { GrpcChatFeedClient } from './adapters/grpc/chat-feed.grpc-client';

/** Default of CHAT_EVENT_RETENTION_SECONDS: events (and cursors) are kept 7 days. */
export const DEFAULT_CHAT_EVENT_RETENTION_SECONDS = 7 * 24 * 3600;

/** What {@link chatApplicationRegistrations} adds to a container. */
export interface ChatApplicationCradle {
  readonly messaging: Messaging;
  readonly roomRegistry: RoomRegistry;
  readonly roomAdministration: RoomAdministration;
  readonly userLookup: UserLookup;
  readonly chatFeed: ChatFeed;
  readonly chatEventRelay: ChatEventRelay;
  readonly chatEventRetentionMs: number;
  readonly messageEditing: MessageEditing;
  readonly roomModeration: RoomModeration;
  readonly conversations: Conversations;
  readonly conversationTracking: ConversationTracking;
  /** The singletons a role stops before disposing the rest (the relay finishes its step while storage and broker are open). */
  readonly backgroundWork: readonly string[];
}

/** What a chat storage bundle adds to a container. */
export interface ChatStorageCradle {
  readonly roomStore: RoomStore;
  readonly roomMembership: RoomMembership;
  readonly messageStore: MessageStore;
  readonly chatEventLog: ChatEventLog;
  readonly conversationStore: ConversationStore;
  readonly readMarkerStore: ReadMarkerStore;
}

/**
 * The chat module's services: `messaging`, `roomRegistry`, `roomAdministration`, `conversations` and
 * `messageEditing` (its inbound ports), `roomModeration` (who may delete others' messages in a room),
 * `conversationTracking` (summaries and markers kept in step with messages and memberships),
 * `userLookup` (answered by whatever `userDirectory` the container holds), `chatFeed`
 * (a user's events from the chat event log) and `chatEventRelay` (the outbox relay publishing the
 * event log on `eventBus`: the role starts it; disposing the container stops it). They need a chat
 * storage bundle, `relayLeadership`, `userDirectory`, `eventBus`, `clock`, `logger` and `traceOriginSource` registered
 * beside them (PROXY injection: each gets the cradle as deps).
 */
export const chatApplicationRegistrations = (
  retentionSeconds = DEFAULT_CHAT_EVENT_RETENTION_SECONDS,
): NameAndRegistrationPair<ChatApplicationCradle> => ({
  messaging: asClass(MessagingService).singleton(),
  roomRegistry: asClass(RoomsService).singleton(),
  roomAdministration: asClass(RoomAdministrationService).singleton(),
  userLookup: asClass(UserDirectoryUserLookup).singleton(),
  chatFeed: asClass(ChatFeedService).singleton(),
  chatEventRelay: asClass(ChatEventRelay)
    .singleton()
    .disposer((relay) => relay.stop()),
  chatEventRetentionMs: asValue(retentionSeconds * 1000),
  messageEditing: asClass(MessageEditingService).singleton(),
  roomModeration: asClass(RoleRoomModeration).singleton(),
  conversations: asClass(ConversationsService).singleton(),
  conversationTracking: asClass(ConversationTracking).singleton(),
  backgroundWork: asValue(['chatEventRelay']),
});

/** Chat storage kept in process memory: for the monolith without databases, and tests. */
export const chatInMemoryStorageRegistrations = (): NameAndRegistrationPair<ChatStorageCradle> => ({
  roomStore: asClass(InMemoryRoomStore).singleton(),
  roomMembership: asClass(InMemoryRoomMembership).singleton(),
  messageStore: asClass(InMemoryMessageStore).singleton(),
  chatEventLog: asClass(InMemoryChatEventLog).singleton(),
  conversationStore: asClass(InMemoryConversationStore).singleton(),
  readMarkerStore: asClass(InMemoryReadMarkerStore).singleton(),
});

/** Chat storage in MongoDB through MikroORM; needs `mongoOrm` registered (with `chatEntities`). */
export const chatMongoStorageRegistrations = (): NameAndRegistrationPair<ChatStorageCradle> => ({
  roomStore: asClass(MikroOrmRoomStore).singleton(),
  roomMembership: asClass(MikroOrmRoomMembership).singleton(),
  messageStore: asClass(MikroOrmMessageStore).singleton(),
  chatEventLog: asClass(MikroOrmChatEventLog).singleton(),
  conversationStore: asClass(MikroOrmConversationStore).singleton(),
  readMarkerStore: asClass(MikroOrmReadMarkerStore).singleton(),
});

/** Chat storage in SQLite; needs `chatSqlite` registered (DATA_DIR/chat.db, opened with `chatSqliteMigrations`). */
export const chatSqliteStorageRegistrations = (): NameAndRegistrationPair<ChatStorageCradle> => ({
  roomStore: asClass(SqliteRoomStore).singleton(),
  roomMembership: asClass(SqliteRoomMembership).singleton(),
  messageStore: asClass(SqliteMessageStore).singleton(),
  chatEventLog: asClass(SqliteChatEventLog).singleton(),
  conversationStore: asClass(SqliteConversationStore).singleton(),
  readMarkerStore: asClass(SqliteReadMarkerStore).singleton(),
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

/** The relay of a process that alone writes its chat event log (the monolith): it always relays. */
export const soleRelayLeadershipRegistration = (): NameAndRegistrationPair<{ readonly relayLeadership: RelayLeadership }> => ({
  relayLeadership: asClass(SoleRelayLeadership).singleton(),
});

/**
 * The relay of one of several processes sharing a chat event log (chat-service replicas): one
 * relays at a time under a lease in Redis, the others stand by. Needs `redis` and `keyPrefix`;
 * `relayHolder` names this process in the lease (unique among the live ones; see RedisRelayLeadership).
 */
export const redisRelayLeadershipRegistration = (relayHolder: string): NameAndRegistrationPair<{ readonly relayLeadership: RelayLeadership }> => ({
  relayLeadership: asClass(RedisRelayLeadership)
    .inject(() => ({ relayHolder }))
    .singleton(),
});

/** What {@link chatGrpcClientRegistrations} adds to a container. */
export interface ChatRemoteCradle {
  readonly chatGrpcClient: GrpcChatClient;
  readonly messaging: Messaging;
  readonly chatFeed: ChatFeed;
  readonly roomRegistry: RoomRegistry;
  readonly messageEditing: MessageEditing;
  readonly conversations: Conversations;
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
  chatFeed: asClass(GrpcChatFeedClient)
    .singleton()
    .disposer((client) => client.close()),
  roomRegistry: aliasTo('chatGrpcClient'),
  messageEditing: aliasTo('chatGrpcClient'),
  conversations: asClass(GrpcConversationsClient)
    .singleton()
    .disposer((client) => client.close()),
  roomAdministration: aliasTo('chatGrpcClient'),
});
