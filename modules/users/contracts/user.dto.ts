/** A user as the users module describes it. `email` is personal: expose it only to its owner. */
export interface UserRecord {
  readonly userId: number;
  readonly username: string;
  readonly email: string;
}

/** The public face of a user: what anyone may see. */
export interface UserSummary {
  readonly userId: number;
  readonly username: string;
}

export interface RegisterUserInput {
  readonly username: string;
  readonly email: string;
  readonly password: string;
}

export interface AuthenticateUserInput {
  readonly username: string;
  readonly password: string;
  /** Kept with the session it opens (at most 256 characters), for the owner's session list. */
  readonly userAgent?: string;
  readonly ip?: string;
}

/** What a sign-in or a refresh hands out. */
export interface AccessToken {
  /** A short-lived EdDSA-signed JWT naming the user (`sub`) and the session (`sid`). */
  readonly token: string;
  /** Opaque, single use: redeem it once for the next pair (UserSessions.refresh). */
  readonly refreshToken: string;
  /** Seconds until `token` expires. */
  readonly expiresIn: number;
  readonly sessionId: string;
}

/** The identity an access token proves. */
export interface TokenClaims {
  readonly userId: number;
  /** The session the token belongs to; revoking it revokes the token. */
  readonly sessionId: string;
  /** When the token expires (ISO-8601). */
  readonly expiresAt: string;
}
