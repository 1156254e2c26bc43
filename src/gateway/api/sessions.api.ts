import type { SessionSummary, TokenClaims, UserSessions } from '@chatterroom/users/contracts';
import { inputFieldsOf, stringField } from './input-fields';
import { tokenBodyOf, type ClientDetails, type TokenBody } from './users.api';

/** One api function per session operation, shared by HTTP and GraphQL. */

export const refreshSession = async (
  deps: { userSessions: UserSessions },
  body: unknown,
  client: ClientDetails = {},
): Promise<TokenBody> => {
  const refreshToken = stringField(inputFieldsOf(body), 'refreshToken');
  return tokenBodyOf(await deps.userSessions.refresh({ refreshToken, ...client }));
};

export const logout = async (deps: { userSessions: UserSessions }, caller: TokenClaims): Promise<{ loggedOut: true }> => {
  await deps.userSessions.revokeSession({ userId: caller.userId, sessionId: caller.sessionId });
  return { loggedOut: true };
};

export const listSessions = (deps: { userSessions: UserSessions }, caller: TokenClaims): Promise<SessionSummary[]> =>
  deps.userSessions.listSessions({ userId: caller.userId, currentSessionId: caller.sessionId });

export const revokeSession = async (
  deps: { userSessions: UserSessions },
  caller: TokenClaims,
  sessionId: string,
): Promise<{ sessionId: string; revoked: true }> => {
  await deps.userSessions.revokeSession({ userId: caller.userId, sessionId });
  return { sessionId, revoked: true };
};

export const issueWsTicket = (deps: { userSessions: UserSessions }, caller: TokenClaims) =>
  deps.userSessions.issueWsTicket({ userId: caller.userId, sessionId: caller.sessionId, expiresAt: caller.expiresAt });
