export interface IssueTokenInput {
  readonly userId: number;
  readonly sessionId: string;
}

export interface IssuedToken {
  readonly token: string;
  /** Seconds from now until it expires. */
  readonly expiresIn: number;
  readonly expiresAt: string;
}

/** Outbound port: signs access tokens that TokenVerifier (contracts) accepts. */
export interface TokenIssuer {
  /**
   * Signs a token for `userId` in `sessionId` with the current signing key (its `kid` in
   * the header), valid from now for the configured lifetime.
   * @throws Error when no signing key can be loaded or made (storage down)
   */
  issue(input: IssueTokenInput): Promise<IssuedToken>;
}
