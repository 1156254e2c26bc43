import { DomainError } from '@chatterroom/kernel';

/** Stable error codes of the users module. */
export const UsersErrors = {
  usernameTaken: () => new DomainError('USERS_USERNAME_TAKEN', 'conflict', 'That username is already taken'),
  emailTaken: () => new DomainError('USERS_EMAIL_TAKEN', 'conflict', 'That email is already registered'),
  userNotFound: (userId: number) => new DomainError('USERS_USER_NOT_FOUND', 'not-found', `User ${userId} does not exist`),
  invalidCredentials: () => new DomainError('AUTH_INVALID_CREDENTIALS', 'unauthenticated', 'Invalid username or password'),
  invalidToken: (reason: string) => new DomainError('AUTH_INVALID_TOKEN', 'unauthenticated', `Invalid access token: ${reason}`),
  invalidRefreshToken: () =>
    new DomainError('AUTH_INVALID_REFRESH_TOKEN', 'unauthenticated', 'Invalid refresh token: unknown, expired, or its session has ended'),
  refreshTokenReused: () =>
    new DomainError('AUTH_REFRESH_TOKEN_REUSED', 'unauthenticated', 'This refresh token was already used: the session has been revoked'),
  invalidTicket: () => new DomainError('AUTH_INVALID_TICKET', 'unauthenticated', 'Invalid WebSocket ticket: unknown, used or expired'),
  sessionNotFound: (sessionId: string) =>
    new DomainError('USERS_SESSION_NOT_FOUND', 'not-found', `Session ${sessionId.slice(0, 64)} does not exist`),
} as const;
