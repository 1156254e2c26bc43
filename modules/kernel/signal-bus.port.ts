/** A short-lived notice between processes (typing, presence): never stored, never replayed. */
export interface Signal {
  /** What it is about, e.g. `typing`. */
  readonly type: string;
  readonly payload: unknown;
}

/** Handles one signal; must not throw (a throw is logged and the signal dropped). */
export type SignalHandler = (signal: Signal) => void;

/**
 * Best-effort, at-most-once broadcast of {@link Signal}s to every subscribed process (each
 * gateway), including the publisher. Nothing is kept: a process that is down or
 * disconnected misses what was sent meanwhile. For what may be lost and must not be
 * replayed; durable events go through the EventBus.
 */
export interface SignalBus {
  /** Sends one signal to every subscriber. Never throws: a signal that cannot be sent is dropped (logged). */
  publish(signal: Signal): Promise<void>;

  /** Starts handing every signal to `handler`; resolves once subscribed. */
  subscribe(handler: SignalHandler): Promise<void>;

  /** Stops delivering and releases connections. Idempotent. */
  close(): Promise<void>;
}
