/**
 * The last `capacity` ids seen, oldest forgotten first: enough to drop the duplicates an
 * at-least-once bus redelivers shortly after the original, in bounded memory. A ring of
 * slots says which id to forget next, so every call is O(1) (taking "the first value" of
 * a Set that keeps losing its head is not: V8 walks the deleted entries each time).
 */
export class RecentIds {
  private readonly ids = new Set<string>();
  /** Grows up to `capacity` as ids come (an idle socket's stays empty), then is reused in a circle. */
  private readonly ring: string[] = [];
  private readonly capacity: number;
  private next = 0;

  constructor(capacity = 10_000) {
    this.capacity = Math.max(1, capacity);
  }

  has(id: string): boolean {
    return this.ids.has(id);
  }

  /** True the first time `id` is seen (and remembers it); false for a repeat. */
  addIfNew(id: string): boolean {
    if (this.ids.has(id)) return false;
    if (this.ring.length < this.capacity) {
      this.ring.push(id);
    } else {
      this.ids.delete(this.ring[this.next] as string);
      this.ring[this.next] = id;
      this.next = (this.next + 1) % this.capacity;
    }
    this.ids.add(id);
    return true;
  }
}
