import { createHash, timingSafeEqual } from 'node:crypto';
import type { Metadata } from '@grpc/grpc-js';
import { isPositiveInt32 } from '@chatterroom/kernel';
import type { GrpcAccessRule, GrpcCaller } from './grpc-access';
import { GrpcAuthErrors } from './grpc-auth-errors';
import { AUTHORIZATION_METADATA_KEY, BEARER_SCHEME, parseCredential, SERVICE_SCHEME } from './grpc-credential-metadata';

/** How a server establishes who calls. */
export interface GrpcCallAuthentication {
  /** Verifies an end user's access token (the users module's TokenVerifier): throws AUTH_INVALID_TOKEN. */
  readonly tokenVerifier: { verify(token: string): Promise<{ readonly userId: number }> };
  /** The secret services present to each other (SERVICE_TOKEN); undefined = no service identity is accepted. */
  readonly serviceToken?: string;
}

const digest = (value: string): Buffer => createHash('sha256').update(value).digest();

const sameSecret = (given: string, expected: string): boolean => timingSafeEqual(digest(given), digest(expected));

const credentialOf = (metadata: Metadata): { scheme: string; token: string } => {
  const values = metadata.get(AUTHORIZATION_METADATA_KEY);
  if (values.length === 0) throw GrpcAuthErrors.missingCredential();
  const value = values.length === 1 ? values[0] : undefined;
  const credential = typeof value === 'string' ? parseCredential(value) : undefined;
  if (credential === undefined) throw GrpcAuthErrors.invalidCredential('expected one authorization: Bearer <token>');
  return credential;
};

const callerOf = async (metadata: Metadata, auth: GrpcCallAuthentication): Promise<GrpcCaller> => {
  const { scheme, token } = credentialOf(metadata);
  if (scheme.toLowerCase() === BEARER_SCHEME.toLowerCase()) {
    return { kind: 'user', userId: (await auth.tokenVerifier.verify(token)).userId };
  }
  if (scheme.toLowerCase() === SERVICE_SCHEME.toLowerCase()) {
    if (auth.serviceToken === undefined || !sameSecret(token, auth.serviceToken)) {
      throw GrpcAuthErrors.invalidCredential('unknown service credential');
    }
    return { kind: 'service' };
  }
  throw GrpcAuthErrors.invalidCredential(`unknown scheme ${scheme}`);
};

/**
 * The one place a server decides whether a call may run: an open RPC always may (its
 * credential is not even read); any other needs a valid credential, a service identity only
 * where the rule admits services, and a user only as themself where the rule names the
 * request field that is the acting user. A malformed acting-user id (0, -1) names nobody: it
 * is left to the service, which refuses it as VALIDATION_FAILED exactly as in one process.
 * @throws DomainError AUTH_MISSING_TOKEN, AUTH_INVALID_TOKEN (unauthenticated), AUTH_FORBIDDEN (forbidden)
 */
export const authorizeCall = async (
  method: string,
  rule: GrpcAccessRule,
  metadata: Metadata,
  request: unknown,
  auth: GrpcCallAuthentication,
): Promise<GrpcCaller> => {
  if (rule.kind === 'open') return { kind: 'anonymous' };
  const caller = await callerOf(metadata, auth);
  if (caller.kind === 'service') {
    if (rule.services !== true) throw GrpcAuthErrors.serviceNotAllowed(method);
    return caller;
  }
  if (caller.kind === 'user' && rule.actingUserField !== undefined) {
    const actingUser = (request as Record<string, unknown> | null)?.[rule.actingUserField];
    if (isPositiveInt32(actingUser) && actingUser !== caller.userId) throw GrpcAuthErrors.actsAsAnotherUser(rule.actingUserField, actingUser, caller.userId);
  }
  return caller;
};
