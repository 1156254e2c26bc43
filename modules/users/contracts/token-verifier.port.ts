import type { TokenClaims } from './user.dto';

/**
 * Inbound port: checks an access token issued by {@link UserAccounts.authenticate}.
 * Stateless (signature, algorithm and expiry), so every gateway instance verifies
 * tokens locally with the shared secret, without a call to the user service.
 */
export interface TokenVerifier {
  /**
   * Returns the claims of a valid token. Pure: same token, same answer until it expires.
   * @throws DomainError AUTH_INVALID_TOKEN (malformed, wrong signature or algorithm, expired)
   */
  verify(token: string): Promise<TokenClaims>;
}
