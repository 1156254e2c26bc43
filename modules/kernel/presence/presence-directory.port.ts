/** Whether a user has a socket open anywhere; `lastSeenAt` (ISO-8601) once they had one and have none now. */
export interface PresenceState {
  readonly userId: number;
  readonly status: 'online' | 'offline';
  readonly lastSeenAt?: string;
}

/**
 * How long a gateway's mark of a user lasts without a heartbeat, by default: a dead gateway's
 * users go offline after this (PRESENCE_TTL_SECONDS may shorten it, never lengthen it).
 */
export const PRESENCE_TTL_MS = 45_000;

/**
 * How often a gateway renews its marks for a given mark lifetime: three beats per lifetime, so
 * one late beat does not drop anybody, and a dead gateway's users are seen offline by their
 * watchers within `ttlMs` plus one beat (60 s with the default lifetime).
 */
export const presenceBeatMsFor = (ttlMs: number): number => Math.max(1, Math.floor(ttlMs / 3));

/**
 * Outbound port: who is online, as the gateways report it. A user is online while any
 * gateway holds a live mark for them (set on their first socket there, renewed by that
 * gateway's heartbeat, removed on their last socket's close, lapsing a lifetime ({@link PRESENCE_TTL_MS} by
 * default) after the gateway stops beating). Watches say whose changes anyone wants announced.
 * Every method is safe to repeat; none throws for unknown users (a store that cannot answer
 * rejects, and callers treat that as "unknown").
 */
export interface PresenceDirectory {
  /** `userId` has a socket on `gatewayId` now. True when they had no live mark anywhere before (they just came online). */
  connected(userId: number, gatewayId: string, at: Date): Promise<boolean>;

  /** `userId` has no socket left on `gatewayId` since `at`. True when they now have no live mark anywhere (they went offline). */
  disconnected(userId: number, gatewayId: string, at: Date): Promise<boolean>;

  /** `gatewayId` is alive with sockets of `userIds`: renews their marks. */
  heartbeat(gatewayId: string, userIds: readonly number[], at: Date): Promise<void>;

  /** The states of `userIds`, in the same order. */
  statesOf(userIds: readonly number[], at: Date): Promise<PresenceState[]>;

  /** Someone watches `userIds` (for one mark lifetime unless renewed). */
  watch(userIds: readonly number[], at: Date): Promise<void>;

  /** Whether anyone watches `userId` now: only then are their changes announced. */
  isWatched(userId: number, at: Date): Promise<boolean>;
}
