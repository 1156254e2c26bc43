import type { TokenVerifier } from '../../../modules/users/contracts';
import { GatewayErrors } from '../http/gateway-errors';

/**
 * Who sends a GraphQL operation. The token is checked on first use and only then, so
 * `createUser` and `authenticate` work without one while every other field needs it.
 */
export class Caller {
  private verified: Promise<number> | undefined;

  private constructor(
    private readonly verify: () => Promise<number>,
    /** The access token the caller sent (undefined = none): the gRPC clients forward it. */
    readonly token: string | undefined,
  ) {}

  /** A caller identified by the token of the request (undefined = none was sent). */
  static withToken(tokenVerifier: TokenVerifier, token: string | undefined): Caller {
    return new Caller(async () => {
      if (token === undefined) throw GatewayErrors.missingToken();
      return (await tokenVerifier.verify(token)).userId;
    }, token);
  }

  /** A caller whose token was already verified (a subscription's connection_init). */
  static verifiedAs(userId: number, token: string): Caller {
    return new Caller(async () => userId, token);
  }

  /**
   * The caller's userId.
   * @throws DomainError AUTH_MISSING_TOKEN, AUTH_INVALID_TOKEN
   */
  id(): Promise<number> {
    this.verified ??= this.verify();
    return this.verified;
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
