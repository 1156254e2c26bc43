import { DomainError } from '@chatterroom/kernel';

/** The failures of the server-side credential check, with the codes the gateway uses over HTTP. */
export const GrpcAuthErrors = {
  missingCredential: () =>
    new DomainError('AUTH_MISSING_TOKEN', 'unauthenticated', 'A credential is required: send metadata authorization: Bearer <access token>'),
  invalidCredential: (reason: string) => new DomainError('AUTH_INVALID_TOKEN', 'unauthenticated', `Invalid credential: ${reason}`),
  actsAsAnotherUser: (field: string, value: unknown, subject: number) =>
    new DomainError('AUTH_FORBIDDEN', 'forbidden', `${field} is ${String(value)}, but the credential is user ${subject}'s: a call may act only as its caller`),
  serviceNotAllowed: (method: string) =>
    new DomainError('AUTH_FORBIDDEN', 'forbidden', `A service identity may not call ${method}: it needs an end user's token`),
} as const;
