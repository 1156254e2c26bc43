/** The current time; injected so tests and stores agree on timestamps. */
export interface Clock {
  /** Never throws. */
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };
