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
}

export interface AccessToken {
  readonly token: string;
}

/** The identity an access token proves. */
export interface TokenClaims {
  readonly userId: number;
}
