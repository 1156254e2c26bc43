export interface SessionCheck {
  readonly userId: number;
  readonly sessionId: string;
  /** The expiry of the token being checked: a negative answer need not be kept longer. */
  readonly tokenExpiresAt: string;
}

/** Outbound port of token verification: is the session a token names still live? */
export interface SessionStatus {
  /**
   * True while the session exists, belongs to `userId` and is not revoked or expired.
   * @throws DomainError SERVICE_UNAVAILABLE when the answer cannot be had (split deployment)
   */
  isActive(check: SessionCheck): Promise<boolean>;
}
