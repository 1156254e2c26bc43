import type { UserAccounts, UserDirectory } from '../../../modules/users/contracts';
import { inputFieldsOf, stringField } from './input-fields';

export interface CreatedUserBody {
  readonly userId: number;
  readonly username: string;
  readonly email: string;
}

export interface TokenBody {
  readonly token: string;
}

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

export const authenticateUser = async (deps: { userAccounts: UserAccounts }, body: unknown): Promise<TokenBody> => {
  const fields = inputFieldsOf(body);
  const input = { username: stringField(fields, 'username'), password: stringField(fields, 'password') };
  const { token } = await deps.userAccounts.authenticate(input);
  return { token };
};

export const getUser = async (deps: { userDirectory: UserDirectory }, callerId: number, userId: number): Promise<UserBody> => {
  const user = await deps.userDirectory.getUser({ userId });
  const publicPart = { userId: user.userId, username: user.username };
  return user.userId === callerId ? { ...publicPart, email: user.email } : publicPart;
};
