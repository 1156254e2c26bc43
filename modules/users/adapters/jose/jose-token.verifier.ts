import { errors, jwtVerify, type JWTVerifyGetKey } from 'jose';
import { isDomainError, isPositiveInt32, type Clock } from '@chatterroom/kernel';
import type { TokenClaims, TokenVerifier } from '../../contracts';
import { UsersErrors } from '../../contracts';
import type { SessionStatus } from '../../ports';
import { SIGNING_ALGORITHM } from './ed25519-key-ring';
import type { JwksKeyCache } from './jwks-key-cache';
import { VerifiedTokens, type VerifiedToken } from './verified-tokens';

export interface JoseTokenVerifierDeps {
  readonly jwksKeyCache: JwksKeyCache;
  readonly sessionStatus: SessionStatus;
  readonly clock: Clock;
  /** Seconds of clock difference forgiven on `exp`, `nbf` and `iat` (TOKEN_CLOCK_TOLERANCE_SECONDS). */
  readonly tokenClockToleranceSeconds: number;
}

const MAX_TOKEN_LENGTH = 4096;
const SUBJECT_PATTERN = /^[1-9][0-9]{0,9}$/;
const SESSION_ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;

const reasonOf = (error: unknown): string => {
  if (error instanceof errors.JWTExpired) return 'expired';
  if (error instanceof errors.JWTClaimValidationFailed) return error.claim === 'nbf' ? 'not yet valid' : `bad ${error.claim} claim`;
  if (error instanceof errors.JWSSignatureVerificationFailed) return 'bad signature';
  if (error instanceof errors.JOSEAlgNotAllowed) return 'unsupported algorithm';
  return 'malformed';
};

/**
 * {@link TokenVerifier} with jose: EdDSA only, the key picked by the header's `kid` from the
 * users module's JWKS (refetched on an unknown kid), `exp`/`nbf` with the clock tolerance, an
 * `iat` not in the future, and then the session named by `sid` must be live (SessionStatus:
 * the store itself in the users module, a revocation-aware cache elsewhere). A token whose
 * signature was verified within the last minute ({@link VerifiedTokens}) is not verified again:
 * its time claims and its session are still checked on every use, and a token that fails them
 * goes through the full check, which gives the reason.
 */
export class JoseTokenVerifier implements TokenVerifier {
  private readonly verified: VerifiedTokens;

  constructor(private readonly deps: JoseTokenVerifierDeps) {
    this.verified = new VerifiedTokens(() => deps.clock.now().getTime());
  }

  async verify(token: string): Promise<TokenClaims> {
    if (typeof token !== 'string' || token.length > MAX_TOKEN_LENGTH) throw UsersErrors.invalidToken('malformed');
    const now = this.deps.clock.now();
    const remembered = this.verified.get(token);
    const claims = remembered !== undefined && this.timely(remembered, now) ? remembered : await this.verifyInFull(token, now);
    const expiresAt = new Date(claims.exp * 1000).toISOString();
    if (!(await this.deps.sessionStatus.isActive({ userId: claims.userId, sessionId: claims.sessionId, tokenExpiresAt: expiresAt }))) {
      throw UsersErrors.invalidToken('the session has ended');
    }
    return { userId: claims.userId, sessionId: claims.sessionId, expiresAt };
  }

  /** The signature, the time claims and the subject and session ids; remembers the token when all hold. */
  private async verifyInFull(token: string, now: Date): Promise<VerifiedToken> {
    this.verified.forget(token);
    const tolerance = this.deps.tokenClockToleranceSeconds;
    let payload: Record<string, unknown>;
    try {
      ({ payload } = await jwtVerify(token, this.keyOf, {
        algorithms: [SIGNING_ALGORITHM],
        clockTolerance: tolerance,
        currentDate: now,
        requiredClaims: ['sub', 'sid', 'iat', 'nbf', 'exp'],
      }));
    } catch (error) {
      if (isDomainError(error)) throw error;
      throw UsersErrors.invalidToken(reasonOf(error));
    }
    if ((payload.iat as number) > now.getTime() / 1000 + tolerance) throw UsersErrors.invalidToken('issued in the future');
    const userId = typeof payload.sub === 'string' && SUBJECT_PATTERN.test(payload.sub) ? Number(payload.sub) : NaN;
    if (!isPositiveInt32(userId)) throw UsersErrors.invalidToken('bad subject');
    const sessionId = payload.sid;
    if (typeof sessionId !== 'string' || !SESSION_ID_PATTERN.test(sessionId)) throw UsersErrors.invalidToken('bad session');
    const verified = { userId, sessionId, iat: payload.iat as number, nbf: payload.nbf as number, exp: payload.exp as number };
    this.verified.remember(token, verified);
    return verified;
  }

  /** The time checks of {@link verifyInFull} (jose's, on whole seconds, and the `iat` one), for a remembered token. */
  private timely(token: VerifiedToken, now: Date): boolean {
    const tolerance = this.deps.tokenClockToleranceSeconds;
    const seconds = Math.floor(now.getTime() / 1000);
    return token.nbf <= seconds + tolerance && token.exp > seconds - tolerance && token.iat <= now.getTime() / 1000 + tolerance;
  }

  private readonly keyOf: JWTVerifyGetKey = async (header) => {
    if (typeof header.kid !== 'string' || header.kid === '') throw UsersErrors.invalidToken('no key id');
    const key = await this.deps.jwksKeyCache.keyFor(header.kid);
    if (key === null) throw UsersErrors.invalidToken('unknown signing key');
    return key;
  };
}
