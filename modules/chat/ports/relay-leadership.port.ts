/**
 * Outbound port: which of the processes sharing one chat event log runs its outbox relay.
 * One relay at a time moves and publishes the log; the others stand by and nudge it when they
 * record events. Exclusivity is an optimisation, never a condition of correctness: two relays
 * at once publish some events twice (consumers de-duplicate by event id) and clash on
 * positions (the log retries), so an adapter that cannot tell answers "lead".
 */
export interface RelayLeadership {
  /**
   * True while this process should relay: it holds the lease (taken or renewed by this call,
   * for a few seconds) or the lease store cannot answer (then every process relays, as without
   * a lease). False while another process holds a live lease. Idempotent; never throws.
   */
  leads(): Promise<boolean>;

  /**
   * Asks the process that leads to run its relay now (this one recorded events it should
   * publish). Fire and forget: never throws, never waits; a nudge lost is made up by the
   * leader's next poll.
   */
  nudgeLeader(): void;

  /**
   * Calls `listener` whenever another process nudges the leader (every process listens: the one
   * that leads runs its relay). Idempotent per listener; resolves once listening.
   */
  onNudge(listener: () => void): Promise<void>;

  /**
   * Gives the lease up if this process holds it (shutdown), so another takes over at its next
   * poll instead of after the lease expires; stops listening for nudges. Never throws.
   */
  close(): Promise<void>;
}
