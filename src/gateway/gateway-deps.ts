import type { ConcurrencyLimiter, EventBus, PresenceDirectory, RateLimiter, SignalBus, SignalThrottle } from '@chatterroom/kernel';
import type { JwksProvider, TokenVerifier, UserAccounts, UserDirectory, UserSessions } from '@chatterroom/users/contracts';
import type { ChatFeed, Conversations, MessageEditing, Messaging, RoomAdministration, RoomRegistry } from '@chatterroom/chat/contracts';
import type { ReadinessCheck } from '@chatterroom/kernel';

/**
 * The inbound ports the gateway serves, resolved by the composition root (in-process
 * services in the monolith, gRPC clients in the split deployment). The gateway never
 * knows which.
 */
export interface GatewayDeps {
  readonly userAccounts: UserAccounts;
  readonly userDirectory: UserDirectory;
  readonly userSessions: UserSessions;
  readonly jwksProvider: JwksProvider;
  readonly tokenVerifier: TokenVerifier;
  readonly messaging: Messaging;
  readonly chatFeed: ChatFeed;
  readonly roomRegistry: RoomRegistry;
  readonly messageEditing: MessageEditing;
  readonly conversations: Conversations;
  readonly roomAdministration: RoomAdministration;
  readonly eventBus: EventBus;
  /** Typing notices between gateways: never stored (in process in the monolith, Redis pub/sub otherwise). */
  readonly signalBus: SignalBus;
  /** Who is online: in process in the monolith, in Redis shared by the gateways otherwise. */
  readonly presenceDirectory: PresenceDirectory;
  /** At most one typing notice per user and conversation every 2 s: in process in the monolith, in Redis for every gateway otherwise. */
  readonly signalThrottle: SignalThrottle;
  /** Abuse limits' counters: in memory in one process, shared by every gateway otherwise. */
  readonly rateLimiter: RateLimiter;
  readonly concurrencyLimiter: ConcurrencyLimiter;
  /** What must answer for /health/ready to say ready; none = ready while the process serves. */
  readonly readinessChecks?: readonly ReadinessCheck[];
}
