import type { AccessToken, AuthenticateUserInput, RegisterUserInput, UserRecord } from './user.dto';

/** Inbound port: registration and sign-in (gRPC CreateUser, AuthenticateUser). */
export interface UserAccounts {
  /**
   * Registers a user: username 3-32 of [A-Za-z0-9_.-] (unique ignoring case), a valid
   * email (unique ignoring case, stored lower-cased), a password of 8-72 UTF-8 bytes
   * (stored only as a bcrypt hash). Not idempotent: a second call fails as taken.
   * @throws DomainError VALIDATION_FAILED, USERS_USERNAME_TAKEN, USERS_EMAIL_TAKEN
   */
  register(input: RegisterUserInput): Promise<UserRecord>;

  /**
   * Checks a username (any case) and password, opens a session and issues its access
   * token and refresh token.
   * Unknown user and wrong password fail alike, in about the same time.
   * @throws DomainError AUTH_INVALID_CREDENTIALS, VALIDATION_FAILED (fields not strings)
   */
  authenticate(input: AuthenticateUserInput): Promise<AccessToken>;
}
