/** A started process role: what `main` stops on SIGTERM/SIGINT. */
export interface RunningRole {
  /** Stops accepting work, finishes what is in flight, releases connections. Idempotent. */
  close(): Promise<void>;
}
