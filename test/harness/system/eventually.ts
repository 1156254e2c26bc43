export interface EventuallyOptions {
  /** Bounds the waiting only; the assertion decides. */
  readonly timeoutMs?: number;
  readonly intervalMs?: number;
}

/**
 * Retries `assertion` until it stops throwing, and returns its value; after `timeoutMs`
 * rethrows its last failure. For effects that cross an event or another process.
 */
export const eventually = async <T>(assertion: () => T | Promise<T>, options: EventuallyOptions = {}): Promise<T> => {
  const deadline = Date.now() + (options.timeoutMs ?? 5_000);
  for (;;) {
    try {
      return await assertion();
    } catch (error) {
      if (Date.now() >= deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, options.intervalMs ?? 50));
    }
  }
};
