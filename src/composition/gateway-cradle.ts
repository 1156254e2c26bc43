import type { ConcurrencyLimiter, EventBus, PresenceDirectory, RateLimiter, SignalBus, SignalThrottle } from '@chatterroom/kernel';
import type { JwksProvider, TokenVerifier, UserAccounts, UserDirectory, UserSessions } from '@chatterroom/users/contracts';
import type { ChatFeed, Conversations, MessageEditing, Messaging, RoomAdministration, RoomRegistry } from '@chatterroom/chat/contracts';
import type { ReadinessCheck } from '@chatterroom/kernel';

/** What every container that serves the gateway must resolve, whichever adapters it picked. */
export interface GatewayCradle {
  userAccounts: UserAccounts;
  userDirectory: UserDirectory;
  userSessions: UserSessions;
  jwksProvider: JwksProvider;
  tokenVerifier: TokenVerifier;
  messaging: Messaging;
  chatFeed: ChatFeed;
  roomRegistry: RoomRegistry;
  messageEditing: MessageEditing;
  conversations: Conversations;
  roomAdministration: RoomAdministration;
  eventBus: EventBus;
  signalBus: SignalBus;
  presenceDirectory: PresenceDirectory;
  signalThrottle: SignalThrottle;
  /** Abuse limits' counters: in memory in one process, shared by every gateway otherwise. */
  rateLimiter: RateLimiter;
  concurrencyLimiter: ConcurrencyLimiter;
  /** What must answer for /health/ready to say ready. */
  readinessChecks: readonly ReadinessCheck[];
}

/** What a gRPC service's container resolves for its gRPC health: the dependencies that must answer. */
export interface ReadinessCradle {
  readinessChecks: readonly ReadinessCheck[];
}

/**
 * A container's cradle: the names its role must resolve (`T`), plus whatever else the
 * chosen adapters register for each other.
 */
export type OpenCradle<T> = T & Record<string, unknown>;
