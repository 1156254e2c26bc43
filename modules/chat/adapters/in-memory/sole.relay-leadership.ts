import type { RelayLeadership } from '../../ports';

/**
 * {@link RelayLeadership} of a process that is the only one writing its chat event log (the
 * monolith, on whichever storage): it always leads, and nobody else records events to nudge it about.
 */
export class SoleRelayLeadership implements RelayLeadership {
  async leads(): Promise<boolean> {
    return true;
  }

  nudgeLeader(): void {}

  async onNudge(): Promise<void> {}

  async close(): Promise<void> {}
}
