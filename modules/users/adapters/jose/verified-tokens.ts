/** What a verified token said: its user and session, and its time claims (epoch seconds). */
export interface VerifiedToken {
  readonly userId: number;
  readonly sessionId: string;
  readonly iat: number;
  readonly nbf: number;
  readonly exp: number;
}

/** How long a signature check is trusted before the token is checked again in full (a retired or withdrawn key takes effect within it). */
export const VERIFIED_TOKEN_TTL_MS = 60_000;

/** Tokens remembered at most; past it, the oldest remembered is forgotten first. */
export const VERIFIED_TOKENS_MAX = 10_000;

/**
 * Tokens whose signature and claims were verified lately, by their exact text, so a client
 * sending the same token on every request costs one signature check per minute instead of one
 * per request. Only the signature is taken on trust: a caller still checks the time claims and
 * the session on every use. Bounded in count and age; synchronous.
 */
export class VerifiedTokens {
  private readonly tokens = new Map<string, { readonly token: VerifiedToken; readonly until: number }>();

  constructor(private readonly nowMs: () => number) {}

  /** The token as verified within the last {@link VERIFIED_TOKEN_TTL_MS}, or undefined. */
  get(text: string): VerifiedToken | undefined {
    const entry = this.tokens.get(text);
    if (entry === undefined) return undefined;
    if (entry.until > this.nowMs()) return entry.token;
    this.tokens.delete(text);
    return undefined;
  }

  /** Remembers a token whose signature and claims were just verified in full. */
  remember(text: string, token: VerifiedToken): void {
    this.tokens.delete(text);
    if (this.tokens.size >= VERIFIED_TOKENS_MAX) this.tokens.delete(this.tokens.keys().next().value as string);
    this.tokens.set(text, { token, until: this.nowMs() + VERIFIED_TOKEN_TTL_MS });
  }

  forget(text: string): void {
    this.tokens.delete(text);
  }
}
