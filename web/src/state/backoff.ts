/** Reconnection delays: 0.5 s doubling to 15 s, each with up to 30 % random spread so tabs do not come back in step. */
export const BACKOFF = { firstMs: 500, maxMs: 15_000, jitter: 0.3 } as const;

/** The wait before reconnection attempt `attempt` (0 for the first retry); `random` in [0, 1). */
export const backoffDelay = (attempt: number, random: number = Math.random()): number => {
  const base = Math.min(BACKOFF.maxMs, BACKOFF.firstMs * 2 ** Math.max(0, attempt));
  return Math.round(base * (1 - BACKOFF.jitter + BACKOFF.jitter * random));
};
