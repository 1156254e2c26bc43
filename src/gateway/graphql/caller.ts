import type { TokenClaims, TokenVerifier } from '@chatterroom/users/contracts';
import { GatewayErrors } from '../http/gateway-errors';

/**
 * Who sends a GraphQL operation. The token is checked on first use and only then, so
 * `createUser`, `authenticate` and `refreshSession` work without one while every other
 * field needs it.
 */
export class Caller {
  private verified: Promise<TokenClaims> | undefined;

  private constructor(
    private verify: () => Promise<TokenClaims>,
    /** The access token the caller sent (undefined = none): the gRPC clients forward it. */
    private current: string | undefined,
  ) {}

  /** The access token the caller sent (undefined = none), or the one it renewed to: the gRPC clients forward it. */
  get token(): string | undefined {
    return this.current;
  }

  /** A caller identified by the token of the request (undefined = none was sent). */
  static withToken(tokenVerifier: TokenVerifier, token: string | undefined): Caller {
    return new Caller(async () => {
      if (token === undefined) throw GatewayErrors.missingToken();
      return tokenVerifier.verify(token);
    }, token);
  }

  /**
   * A caller whose credential was already checked (a subscription's connection_init); `token`
   * is the access token forwarded for it (for a ticket, the fresh token its redemption answered).
   */
  static verifiedAs(claims: TokenClaims, token: string): Caller {
    return new Caller(async () => claims, token);
  }

  /** A subscription socket's caller moves to a fresh, already verified token of the same user. */
  renew(claims: TokenClaims, token: string): void {
    this.verify = async () => claims;
    this.verified = undefined;
    this.current = token;
  }

  /**
   * What the caller's token proved: user, session, expiry.
   * @throws DomainError AUTH_MISSING_TOKEN, AUTH_INVALID_TOKEN
   */
  claims(): Promise<TokenClaims> {
    this.verified ??= this.verify();
    return this.verified;
  }

  /**
   * The caller's userId.
   * @throws DomainError AUTH_MISSING_TOKEN, AUTH_INVALID_TOKEN
   */
  async id(): Promise<number> {
    return (await this.claims()).userId;
  }

  /** The caller's userId, or undefined when the request is anonymous or its token is bad. */
  async idIfKnown(): Promise<number | undefined> {
    try {
      return await this.id();
    } catch {
      return undefined;
    }
  }
}
