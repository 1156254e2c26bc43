import type { UserRecord, UserSummary } from './user.dto';

export interface GetUserInput {
  readonly userId: number;
}

export interface GetUsersInput {
  /** 0-500 positive int32 ids; duplicates are allowed and answered once. */
  readonly userIds: readonly number[];
}

export const GET_USERS_MAX_IDS = 500;

export interface SearchUsersInput {
  /** A username prefix, matched ignoring case: 1-32 characters of A-Z a-z 0-9 _ . - */
  readonly query: string;
  /** 1-50; omitted = 20. */
  readonly limit?: number;
}

export const SEARCH_USERS_DEFAULT_LIMIT = 20;
export const SEARCH_USERS_MAX_LIMIT = 50;

/** Inbound port: looking users up (gRPC GetUser). */
export interface UserDirectory {
  /**
   * Returns the user, email included; callers decide who may see the email. (Over gRPC the
   * user service itself answers the email only to its owner, and an empty one to anyone else.)
   * Read-only. Throws rather than returning null, so a missing user has one meaning
   * on every transport.
   * @throws DomainError USERS_USER_NOT_FOUND, VALIDATION_FAILED (userId not a positive int32)
   */
  getUser(input: GetUserInput): Promise<UserRecord>;

  /**
   * Public summaries of many users in one call (GraphQL resolves every message author
   * of a request with one of these). Returns those that exist, ascending by userId,
   * each once; unknown ids are left out rather than failing the batch. Read-only.
   * @throws DomainError VALIDATION_FAILED (not an array, more than 500 ids, an id not a positive int32)
   */
  getUsers(input: GetUsersInput): Promise<UserSummary[]>;

  /**
   * Users whose username starts with `query` ignoring case, ascending by lower-cased
   * username, at most `limit`: public summaries only (never an email), to find someone to
   * write to. Answered from the username index, never a scan. Read-only.
   * @throws DomainError VALIDATION_FAILED (query not 1-32 username characters, limit not 1-50)
   */
  searchUsers(input: SearchUsersInput): Promise<UserSummary[]>;
}
