import type { UserSummary } from './user.dto';

/** Published after a user is stored. */
export const USER_REGISTERED_V1 = 'users.user-registered.v1';
export type UserRegisteredV1 = UserSummary;

/**
 * Published when a session ends (logout, revocation, refresh-token reuse). Every gateway
 * gets a copy: it refuses the session's access tokens from then on and closes its sockets.
 */
export const SESSION_REVOKED_V1 = 'users.session-revoked.v1';
export interface SessionRevokedV1 {
  readonly userId: number;
  readonly sessionId: string;
  /** Until when an access token of the session could still be presented (ISO-8601). */
  readonly tokensValidUntil: string;
}
