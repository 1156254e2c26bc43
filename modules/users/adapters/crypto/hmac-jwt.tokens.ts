import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Clock } from '../../../kernel';
import { isPositiveInt32 } from '../../../kernel';
import type { TokenClaims, TokenVerifier } from '../../contracts';
import { UsersErrors } from '../../contracts';
import type { TokenIssuer } from '../../ports';
import { decodeJsonSegment, encodeJsonSegment, splitJwt } from './jwt-encoding';

export interface HmacJwtTokensDeps {
  /** Shared by every process that issues or verifies tokens (JWT_SECRET). */
  readonly jwtSecret: string;
  readonly jwtTtlSeconds: number;
  readonly clock: Clock;
}

const HEADER = encodeJsonSegment({ alg: 'HS256', typ: 'JWT' });
const SUBJECT_PATTERN = /^[1-9][0-9]{0,9}$/;

/**
 * TokenIssuer and TokenVerifier as compact JWTs signed with HMAC-SHA256 (HS256),
 * written on node:crypto alone. Claims: `sub` (the userId in decimal), `iat`, `exp`
 * (seconds). Verification pins the algorithm (the header must say HS256, so `none`
 * and other algorithms fail), compares signatures in constant time, then checks the
 * expiry against the clock and the subject.
 */
export class HmacJwtTokens implements TokenIssuer, TokenVerifier {
  private readonly secret: string;
  private readonly ttlSeconds: number;
  private readonly clock: Clock;

  constructor(deps: HmacJwtTokensDeps) {
    this.secret = deps.jwtSecret;
    this.ttlSeconds = deps.jwtTtlSeconds;
    this.clock = deps.clock;
  }

  async issue(userId: number): Promise<string> {
    const iat = this.nowSeconds();
    const payload = encodeJsonSegment({ sub: String(userId), iat, exp: iat + this.ttlSeconds });
    return `${HEADER}.${payload}.${this.sign(`${HEADER}.${payload}`)}`;
  }

  async verify(token: string): Promise<TokenClaims> {
    const segments = splitJwt(token);
    if (segments === null) throw UsersErrors.invalidToken('malformed');
    const header = decodeJsonSegment(segments.header);
    if (header === null) throw UsersErrors.invalidToken('malformed header');
    if (header.alg !== 'HS256') throw UsersErrors.invalidToken('unsupported algorithm');
    const expected = Buffer.from(this.sign(`${segments.header}.${segments.payload}`));
    const given = Buffer.from(segments.signature);
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
      throw UsersErrors.invalidToken('bad signature');
    }
    const claims = decodeJsonSegment(segments.payload);
    if (claims === null) throw UsersErrors.invalidToken('malformed claims');
    if (typeof claims.exp !== 'number' || !Number.isFinite(claims.exp)) throw UsersErrors.invalidToken('no expiry');
    if (this.nowSeconds() >= claims.exp) throw UsersErrors.invalidToken('expired');
    return { userId: parseSubject(claims.sub) };
  }

  private sign(signingInput: string): string {
    return createHmac('sha256', this.secret).update(signingInput).digest('base64url');
  }

  private nowSeconds(): number {
    return Math.floor(this.clock.now().getTime() / 1000);
  }
}

const parseSubject = (sub: unknown): number => {
  const userId = typeof sub === 'string' && SUBJECT_PATTERN.test(sub) ? Number(sub) : NaN;
  if (!isPositiveInt32(userId)) throw UsersErrors.invalidToken('bad subject');
  return userId;
};
