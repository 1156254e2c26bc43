import type { UserRecord } from './user.dto';

export interface GetUserInput {
  readonly userId: number;
}

/** Inbound port: looking users up (gRPC GetUser). */
export interface UserDirectory {
  /**
   * Returns the user, email included; callers decide who may see the email.
   * Read-only. Throws rather than returning null, so a missing user has one meaning
   * on every transport.
   * @throws DomainError USERS_USER_NOT_FOUND, VALIDATION_FAILED (userId not a positive int32)
   */
  getUser(input: GetUserInput): Promise<UserRecord>;
}
