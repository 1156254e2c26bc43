/** A started process role: what `main` stops on SIGTERM/SIGINT. */
export interface RunningRole {
  /** Stops accepting work, finishes what is in flight, releases connections. Idempotent. */
  close(): Promise<void>;
  /** How long `close` may take before the process exits anyway; main's default when left out. */
  readonly shutdownGraceMs?: number;
}
