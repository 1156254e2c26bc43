/**
 * The ids of the last `capacity` frames one socket was sent, live or replayed, for not sending
 * one twice. Live frames are already unique (the gateway's fan-out drops an event id it has
 * delivered before), so a live frame only needs checking against what a replay sent: that
 * check is a lookup in a set that is empty unless the socket replayed recently, and recording
 * a live id is one write into a ring. Replays, which are rare, pay for the full check.
 */
export class SentIds {
  /** Every recent id, oldest overwritten first; grows up to `capacity`. */
  private readonly ring: string[] = [];
  /** The ids in `ring` that a replay sent (none until a replay sends one). */
  private replayed: Set<string> | undefined;
  private next = 0;

  constructor(private readonly capacity: number) {}

  /** True when the live frame `id` is to be sent (and records it); false when a replay already sent it. */
  addLive(id: string): boolean {
    if (this.replayed !== undefined && this.replayed.size > 0 && this.replayed.has(id)) return false;
    this.record(id);
    return true;
  }

  /** True when the replayed frame `id` is to be sent (and records it); false when it was sent already, live or replayed. */
  addReplayed(id: string): boolean {
    if (this.replayed?.has(id) === true || this.ring.includes(id)) return false;
    this.record(id);
    (this.replayed ??= new Set()).add(id);
    return true;
  }

  private record(id: string): void {
    if (this.ring.length < this.capacity) {
      this.ring.push(id);
      return;
    }
    const forgotten = this.ring[this.next] as string;
    if (this.replayed !== undefined && this.replayed.size > 0) this.replayed.delete(forgotten);
    this.ring[this.next] = id;
    this.next = (this.next + 1) % this.capacity;
  }
}
