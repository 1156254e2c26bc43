import type { AccessToken, UserAccounts, UserDirectory, UserSummary } from '@chatterroom/users/contracts';
import { inputFieldsOf, stringField } from './input-fields';

export interface CreatedUserBody {
  readonly userId: number;
  readonly username: string;
  readonly email: string;
}

/** The seed's `{token}`, then the session's refresh token, lifetime and id. */
export interface TokenBody {
  readonly token: string;
  readonly refreshToken: string;
  readonly expiresIn: number;
  readonly sessionId: string;
}

/** Who the client says it is, kept with the session for its owner's list. */
export interface ClientDetails {
  readonly userAgent?: string;
  readonly ip?: string;
}

export const tokenBodyOf = (token: AccessToken): TokenBody => ({
  token: token.token,
  refreshToken: token.refreshToken,
  expiresIn: token.expiresIn,
  sessionId: token.sessionId,
});

/** A user as a caller sees them: the email only when the user is the caller. */
export interface UserBody {
  readonly userId: number;
  readonly username: string;
  readonly email?: string;
}

export const createUser = async (deps: { userAccounts: UserAccounts }, body: unknown): Promise<CreatedUserBody> => {
  const fields = inputFieldsOf(body);
  const input = {
    username: stringField(fields, 'username'),
    email: stringField(fields, 'email'),
    password: stringField(fields, 'password'),
  };
  const user = await deps.userAccounts.register(input);
  return { userId: user.userId, username: user.username, email: user.email };
};

export const authenticateUser = async (
  deps: { userAccounts: UserAccounts },
  body: unknown,
  client: ClientDetails = {},
): Promise<TokenBody> => {
  const fields = inputFieldsOf(body);
  const input = { username: stringField(fields, 'username'), password: stringField(fields, 'password'), ...client };
  return tokenBodyOf(await deps.userAccounts.authenticate(input));
};

export const getUser = async (deps: { userDirectory: UserDirectory }, callerId: number, userId: number): Promise<UserBody> => {
  const user = await deps.userDirectory.getUser({ userId });
  const publicPart = { userId: user.userId, username: user.username };
  return user.userId === callerId ? { ...publicPart, email: user.email } : publicPart;
};

/** The caller, email included. */
export const getMe = (deps: { userDirectory: UserDirectory }, callerId: number): Promise<UserBody> => getUser(deps, callerId, callerId);

/** `?q=` (a username prefix) and `?limit=` (1-50) of a people search, as the users module takes them. */
export const searchUsers = async (
  deps: { userDirectory: UserDirectory },
  query: { q?: unknown; limit?: unknown },
): Promise<UserSummary[]> => {
  const limit = query.limit === undefined ? undefined : Number(query.limit);
  const users = await deps.userDirectory.searchUsers({ query: query.q as string, ...(limit === undefined ? {} : { limit }) });
  return users.map((user) => ({ userId: user.userId, username: user.username }));
};
