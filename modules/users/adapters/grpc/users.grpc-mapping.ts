import { validationFailed } from '@chatterroom/kernel';
import { optionalWireInt32, presentField, wireInput, wireInt32, wireString } from '@chatterroom/platform/grpc';
import { GET_USERS_MAX_IDS, SEARCH_USERS_MAX_LIMIT } from '../../contracts';
import type { AuthenticateUserInput, GetUserInput, GetUsersInput, RegisterUserInput, SearchUsersInput, UserRecord, UserSummary } from '../../contracts';

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
  readonly userAgent: string;
  readonly ip: string;
}

export interface GetUserRequestMessage {
  readonly userId: number;
}

export interface GetUserResponseMessage {
  readonly username: string;
  readonly email: string;
  readonly userId: number;
}

export interface GetUsersRequestMessage {
  readonly userIds: readonly number[];
}

export interface UserSummaryMessage {
  readonly userId: number;
  readonly username: string;
}

export interface GetUsersResponseMessage {
  readonly users: readonly UserSummaryMessage[];
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
  return {
    username: wireString(fields.username, 'username'),
    password: wireString(fields.password, 'password'),
    userAgent: fields.userAgent === undefined ? '' : wireString(fields.userAgent, 'userAgent'),
    ip: fields.ip === undefined ? '' : wireString(fields.ip, 'ip'),
  };
};

export const getUserRequestOf = (input: GetUserInput): GetUserRequestMessage => ({ userId: wireInt32(wireInput(input).userId, 'userId') });

/**
 * A repeated field must be an array, and each id an int32 the wire keeps as is; the
 * length is checked here too, since an oversized request would fail as too large a
 * message rather than as VALIDATION_FAILED. Whether the ids are positive is the service's call.
 */
export const getUsersRequestOf = (input: GetUsersInput): GetUsersRequestMessage => {
  const userIds: unknown = wireInput(input).userIds;
  if (!Array.isArray(userIds)) throw validationFailed('userIds must be an array');
  if (userIds.length > GET_USERS_MAX_IDS) throw validationFailed(`userIds must hold at most ${GET_USERS_MAX_IDS} ids`);
  return { userIds: Array.from(userIds, (userId: unknown, i) => wireInt32(userId, `userIds[${i}]`)) };
};

export interface SearchUsersRequestMessage {
  readonly query: string;
  readonly limit?: number;
}

export const searchUsersRequestOf = (input: SearchUsersInput): SearchUsersRequestMessage => {
  const fields = wireInput(input);
  const limit = optionalWireInt32(fields.limit, 'limit', `limit must be an integer from 1 to ${SEARCH_USERS_MAX_LIMIT}`);
  return {
    query: wireString(fields.query, 'query', "q must be 1-32 characters of letters, digits, '_', '.' or '-'"),
    ...presentField('limit', limit),
  };
};

export const searchUsersInputOf = (request: SearchUsersRequestMessage): SearchUsersInput => ({
  query: request.query,
  ...presentField('limit', request.limit),
});

export const userSummariesOf = (message: GetUsersResponseMessage): UserSummary[] =>
  message.users.map((user) => ({ userId: user.userId, username: user.username }));

export const getUsersResponseOf = (users: readonly UserSummary[]): GetUsersResponseMessage => ({
  users: users.map((user) => ({ userId: user.userId, username: user.username })),
});

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
