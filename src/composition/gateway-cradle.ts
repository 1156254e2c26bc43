import type { ConcurrencyLimiter, EventBus, PresenceDirectory, RateLimiter, SignalBus } from '../../modules/kernel';
import type { JwksProvider, TokenVerifier, UserAccounts, UserDirectory, UserSessions } from '../../modules/users/contracts';
import type { Conversations, MessageEditing, Messaging, RoomAdministration, RoomRegistry } from '../../modules/chat/contracts';

/** What every container that serves the gateway must resolve, whichever adapters it picked. */
export interface GatewayCradle {
  userAccounts: UserAccounts;
  userDirectory: UserDirectory;
  userSessions: UserSessions;
  jwksProvider: JwksProvider;
  tokenVerifier: TokenVerifier;
  messaging: Messaging;
  roomRegistry: RoomRegistry;
  messageEditing: MessageEditing;
  conversations: Conversations;
  roomAdministration: RoomAdministration;
  eventBus: EventBus;
  signalBus: SignalBus;
  presenceDirectory: PresenceDirectory;
  /** Abuse limits' counters: in memory in one process, shared by every gateway otherwise. */
  rateLimiter: RateLimiter;
  concurrencyLimiter: ConcurrencyLimiter;
}

/**
 * A container's cradle: the names its role must resolve (`T`), plus whatever else the
 * chosen adapters register for each other.
 */
export type OpenCradle<T> = T & Record<string, unknown>;
