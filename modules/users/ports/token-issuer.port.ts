/** Outbound port: issues signed access tokens that TokenVerifier (contracts) accepts. */
export interface TokenIssuer {
  /** Returns a token proving `userId`, expiring after the configured lifetime. Never throws. */
  issue(userId: number): Promise<string>;
}
