import { wireInput, wireInt32, wireString } from '../../../../src/platform/grpc';
import type { AuthenticateUserInput, GetUserInput, RegisterUserInput, UserRecord } from '../../contracts';

/*
 * The messages of proto/users.proto as proto-loader decodes them (PROTO_LOADER_OPTIONS:
 * field names as written, plain fields always present), and their mapping to the DTOs
 * of the users contracts. Client-side builders check first what the wire could not
 * carry faithfully (see wire-values).
 */

export interface CreateUserRequestMessage {
  readonly username: string;
  readonly email: string;
  readonly password: string;
}

export interface CreateUserResponseMessage {
  readonly userId: number;
  readonly username: string;
  readonly email: string;
}

export interface AuthenticateRequestMessage {
  readonly username: string;
  readonly password: string;
}

export interface AuthenticateResponseMessage {
  readonly token: string;
}

export interface GetUserRequestMessage {
  readonly userId: number;
}

export interface GetUserResponseMessage {
  readonly username: string;
  readonly email: string;
  readonly userId: number;
}

export const createUserRequestOf = (input: RegisterUserInput): CreateUserRequestMessage => {
  const fields = wireInput(input);
  return {
    username: wireString(fields.username, 'username'),
    email: wireString(fields.email, 'email'),
    password: wireString(fields.password, 'password'),
  };
};

export const authenticateRequestOf = (input: AuthenticateUserInput): AuthenticateRequestMessage => {
  const fields = wireInput(input);
  return { username: wireString(fields.username, 'username'), password: wireString(fields.password, 'password') };
};

export const getUserRequestOf = (input: GetUserInput): GetUserRequestMessage => ({ userId: wireInt32(wireInput(input).userId, 'userId') });

/** Both CreateUserResponse and GetUserResponse carry a whole user record. */
export const userRecordOf = (message: CreateUserResponseMessage | GetUserResponseMessage): UserRecord => ({
  userId: message.userId,
  username: message.username,
  email: message.email,
});

export const userMessageOf = (user: UserRecord): CreateUserResponseMessage & GetUserResponseMessage => ({
  userId: user.userId,
  username: user.username,
  email: user.email,
});
