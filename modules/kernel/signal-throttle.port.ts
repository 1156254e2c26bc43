/**
 * Lets at most one signal per key through every interval (typing notices: one per user and
 * conversation every 2 s), counted wherever the signal enters: in one process for the
 * monolith, in a store shared by every gateway in the split deployment, so a user typing on
 * two devices behind two gateways is forwarded no more often than on one.
 */
export interface SignalThrottle {
  /**
   * True when a signal for `key` may go now; it then counts, and the next one for `key` goes
   * `intervalMs` later at the earliest. Atomic across the processes sharing the store: of
   * concurrent calls for one key, exactly one is true. Never throws: a store that cannot answer
   * lets the signal through (signals are best effort; the throttle only saves traffic).
   */
  admit(key: string, intervalMs: number): Promise<boolean>;
}
