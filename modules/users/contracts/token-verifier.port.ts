import type { TokenClaims } from './user.dto';

/**
 * Inbound port: checks an access token issued by {@link UserAccounts.authenticate} or
 * {@link UserSessions.refresh}. The single verification entry point of every process:
 * signature (EdDSA, by `kid` against the users module's JWKS), `exp`, `nbf` and `iat`
 * (with a small clock tolerance), and that the session it names is still live.
 */
export interface TokenVerifier {
  /**
   * Returns the claims of a valid token. Read-only.
   * @throws DomainError AUTH_INVALID_TOKEN (malformed, foreign key, bad signature or
   *   algorithm, expired, not yet valid, session revoked or unknown)
   */
  verify(token: string): Promise<TokenClaims>;
}
