import { SignJWT } from 'jose';
import type { Clock } from '@chatterroom/kernel';
import type { IssuedToken, IssueTokenInput, TokenIssuer } from '../../ports';
import { SIGNING_ALGORITHM, type Ed25519KeyRing } from './ed25519-key-ring';

/**
 * {@link TokenIssuer} with jose: a compact JWS signed with the key ring's current Ed25519
 * key. Header `alg: EdDSA`, `kid`, `typ: JWT`; claims `sub` (userId in decimal), `sid`,
 * `iat`, `nbf` (both now) and `exp` (now + ACCESS_TOKEN_TTL_SECONDS).
 */
export class JoseTokenIssuer implements TokenIssuer {
  constructor(private readonly deps: { keyRing: Ed25519KeyRing; clock: Clock; accessTokenTtlSeconds: number }) {}

  async issue(input: IssueTokenInput): Promise<IssuedToken> {
    const { kid, privateKey } = await this.deps.keyRing.currentSigningKey();
    const now = Math.floor(this.deps.clock.now().getTime() / 1000);
    const exp = now + this.deps.accessTokenTtlSeconds;
    const token = await new SignJWT({ sid: input.sessionId })
      .setProtectedHeader({ alg: SIGNING_ALGORITHM, kid, typ: 'JWT' })
      .setSubject(String(input.userId))
      .setIssuedAt(now)
      .setNotBefore(now)
      .setExpirationTime(exp)
      .sign(privateKey);
    return { token, expiresIn: this.deps.accessTokenTtlSeconds, expiresAt: new Date(exp * 1000).toISOString() };
  }
}
