/**
 * The last `capacity` ids seen, oldest forgotten first: enough to drop the duplicates an
 * at-least-once bus redelivers shortly after the original, in bounded memory.
 */
export class RecentIds {
  private readonly ids = new Set<string>();

  constructor(private readonly capacity = 10_000) {}

  /** True the first time `id` is seen (and remembers it); false for a repeat. */
  addIfNew(id: string): boolean {
    if (this.ids.has(id)) return false;
    this.ids.add(id);
    if (this.ids.size > this.capacity) {
      const oldest = this.ids.values().next().value;
      if (oldest !== undefined) this.ids.delete(oldest);
    }
    return true;
  }
}
