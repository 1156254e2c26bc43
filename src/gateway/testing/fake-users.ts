import { validationFailed } from '../../../modules/kernel';
import {
  GET_USERS_MAX_IDS,
  UsersErrors,
  type AccessToken,
  type AuthenticateUserInput,
  type GetUserInput,
  type GetUsersInput,
  type RegisterUserInput,
  type TokenClaims,
  type TokenVerifier,
  type UserAccounts,
  type UserDirectory,
  type UserRecord,
  type UserSummary,
} from '../../../modules/users/contracts';

/** A hand-written stand-in for the users module's inbound ports; tokens are `token-<userId>`. */
export class FakeUsers implements UserAccounts, UserDirectory, TokenVerifier {
  private readonly users = new Map<number, UserRecord & { password: string }>();
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
    return { token: `token-${user.userId}` };
  }

  async verify(token: string): Promise<TokenClaims> {
    const userId = Number(/^token-(\d+)$/.exec(token)?.[1]);
    if (!this.users.has(userId)) throw UsersErrors.invalidToken('unknown token');
    return { userId };
  }

  async getUser(input: GetUserInput): Promise<UserRecord> {
    const user = this.users.get(input.userId);
    if (user === undefined) throw UsersErrors.userNotFound(input.userId);
    return { userId: user.userId, username: user.username, email: user.email };
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
