/**
 * Wall-clock milliseconds with sub-millisecond precision. `performance.timeOrigin` is
 * taken from the system clock when the process starts and `performance.now()` is
 * monotonic, so values from different processes on one machine can be subtracted:
 * that is how a receiver measures the latency of a message another process sent.
 */
export const nowMs = (): number => performance.timeOrigin + performance.now();

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));

/** Resolves at the wall-clock time `atMs` (as given by {@link nowMs}). */
export const sleepUntil = (atMs: number): Promise<void> => sleep(atMs - nowMs());
