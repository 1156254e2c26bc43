import { validationFailed } from '@chatterroom/kernel';
import {
  GET_USERS_MAX_IDS,
  UsersErrors,
  type AccessToken,
  type AuthenticateUserInput,
  type GetUserInput,
  type GetUsersInput,
  type JsonWebKeySet,
  type JwksProvider,
  type ListSessionsInput,
  type RefreshSessionInput,
  type SessionRef,
  type SessionSummary,
  type UserSessions,
  type WsTicket,
  type WsTicketInput,
  type RegisterUserInput,
  type SearchUsersInput,
  type RedeemedWsTicket,
  type TokenClaims,
  type TokenVerifier,
  type UserAccounts,
  type UserDirectory,
  type UserRecord,
  type UserSummary,
} from '@chatterroom/users/contracts';

const FAR_FUTURE = '2999-01-01T00:00:00.000Z';

/**
 * A hand-written stand-in for the users module's inbound ports; tokens are `token-<userId>`
 * (session `session-<userId>`, never expiring) unless revoked with revokeSession.
 */
export class FakeUsers implements UserAccounts, UserDirectory, TokenVerifier, UserSessions, JwksProvider {
  private readonly users = new Map<number, UserRecord & { password: string }>();
  private readonly revoked = new Set<string>();
  private readonly tickets = new Map<string, TokenClaims>();
  private nextId = 1;

  async register(input: RegisterUserInput): Promise<UserRecord> {
    if (input.username.length < 3) throw validationFailed('username must be 3-32 characters');
    const all = [...this.users.values()];
    if (all.some((u) => u.username.toLowerCase() === input.username.toLowerCase())) throw UsersErrors.usernameTaken();
    if (all.some((u) => u.email === input.email.toLowerCase())) throw UsersErrors.emailTaken();
    const user = { userId: this.nextId++, username: input.username, email: input.email.toLowerCase(), password: input.password };
    this.users.set(user.userId, user);
    return { userId: user.userId, username: user.username, email: user.email };
  }

  async authenticate(input: AuthenticateUserInput): Promise<AccessToken> {
    const user = [...this.users.values()].find((u) => u.username.toLowerCase() === input.username.toLowerCase());
    if (user === undefined || user.password !== input.password) throw UsersErrors.invalidCredentials();
    return { token: `token-${user.userId}`, refreshToken: `refresh-${user.userId}`, expiresIn: 900, sessionId: `session-${user.userId}` };
  }

  async verify(token: string): Promise<TokenClaims> {
    const userId = Number(/^token-(\d+)$/.exec(token)?.[1]);
    if (!this.users.has(userId) || this.revoked.has(`session-${userId}`)) throw UsersErrors.invalidToken('unknown token');
    return { userId, sessionId: `session-${userId}`, expiresAt: FAR_FUTURE };
  }

  async refresh(input: RefreshSessionInput): Promise<AccessToken> {
    const userId = Number(/^refresh-(\d+)$/.exec(input.refreshToken)?.[1]);
    if (!this.users.has(userId)) throw UsersErrors.invalidRefreshToken();
    return { token: `token-${userId}`, refreshToken: `refresh-${userId}`, expiresIn: 900, sessionId: `session-${userId}` };
  }

  async revokeSession(input: SessionRef): Promise<void> {
    if (input.sessionId !== `session-${input.userId}`) throw UsersErrors.sessionNotFound(input.sessionId);
    this.revoked.add(input.sessionId);
  }

  async listSessions(input: ListSessionsInput): Promise<SessionSummary[]> {
    const sessionId = `session-${input.userId}`;
    if (this.revoked.has(sessionId)) return [];
    return [{ sessionId, createdAt: FAR_FUTURE, lastUsedAt: FAR_FUTURE, current: input.currentSessionId === sessionId }];
  }

  async isSessionActive(input: SessionRef): Promise<boolean> {
    return this.users.has(input.userId) && input.sessionId === `session-${input.userId}` && !this.revoked.has(input.sessionId);
  }

  async issueWsTicket(input: WsTicketInput): Promise<WsTicket> {
    const ticket = `ticket-${this.tickets.size + 1}-${input.userId}`;
    this.tickets.set(ticket, { userId: input.userId, sessionId: input.sessionId, expiresAt: input.expiresAt });
    return { ticket, expiresIn: 30 };
  }

  async redeemWsTicket(input: { readonly ticket: string }): Promise<RedeemedWsTicket> {
    const claims = this.tickets.get(input.ticket);
    if (claims === undefined) throw UsersErrors.invalidTicket();
    this.tickets.delete(input.ticket);
    return { ...claims, token: `token-${claims.userId}` };
  }

  async getJwks(): Promise<JsonWebKeySet> {
    return { keys: [] };
  }

  async getUser(input: GetUserInput): Promise<UserRecord> {
    const user = this.users.get(input.userId);
    if (user === undefined) throw UsersErrors.userNotFound(input.userId);
    return { userId: user.userId, username: user.username, email: user.email };
  }

  async searchUsers(input: SearchUsersInput): Promise<UserSummary[]> {
    const prefix = input.query.toLowerCase();
    return [...this.users.values()]
      .filter((user) => user.username.toLowerCase().startsWith(prefix))
      .sort((a, b) => (a.username.toLowerCase() < b.username.toLowerCase() ? -1 : 1))
      .slice(0, input.limit ?? 20)
      .map((user) => ({ userId: user.userId, username: user.username }));
  }

  async getUsers(input: GetUsersInput): Promise<UserSummary[]> {
    if (!Array.isArray(input.userIds)) throw validationFailed('userIds must be an array');
    if (input.userIds.length > GET_USERS_MAX_IDS) throw validationFailed(`userIds must hold at most ${GET_USERS_MAX_IDS} ids`);
    return [...new Set(input.userIds)]
      .sort((a, b) => a - b)
      .flatMap((userId) => {
        const user = this.users.get(userId);
        return user === undefined ? [] : [{ userId: user.userId, username: user.username }];
      });
  }

  exists(userId: number): boolean {
    return this.users.has(userId);
  }
}
