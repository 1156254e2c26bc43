/** At most one typing notice per user and conversation is forwarded every this many ms (counted by the SignalThrottle). */
export const TYPING_INTERVAL_MS = 2_000;
