const FIRST_DELAY_MS = 250;
const MAX_DELAY_MS = 5_000;

/** Capped exponential backoff with a little jitter, for the `attempt`-th retry (0-based). */
export const reconnectDelayMs = (attempt: number): number => {
  const base = Math.min(MAX_DELAY_MS, FIRST_DELAY_MS * 2 ** Math.min(attempt, 10));
  return Math.round(base * (0.8 + Math.random() * 0.2));
};
