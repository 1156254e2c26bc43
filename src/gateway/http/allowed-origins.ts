/**
 * Which browser origins may call the gateway: its own (the Origin's host is the request's
 * Host) and those configured (`CORS_ORIGINS`). A request without an Origin header comes
 * from a client that is not a browser page, and is allowed.
 */
export class AllowedOrigins {
  private readonly configured: ReadonlySet<string>;

  constructor(origins: readonly string[]) {
    this.configured = new Set(origins);
  }

  get list(): readonly string[] {
    return [...this.configured];
  }

  allows(origin: string | undefined, host: string | undefined): boolean {
    if (origin === undefined) return true;
    if (this.configured.has(origin)) return true;
    return host !== undefined && hostOf(origin) === host.toLowerCase();
  }
}

const hostOf = (origin: string): string | undefined => {
  try {
    const url = new URL(origin);
    return url.origin === origin ? url.host : undefined;
  } catch {
    return undefined;
  }
};
