/** How many stored message ids one process remembers; the oldest are forgotten first. */
const REMEMBERED = 10_000;

/**
 * The ids of messages this process has just stored (their insert acknowledged), so that the
 * relay moving their announcements need not read `messages` to learn that they exist. Bounded:
 * the oldest are forgotten, and an id not remembered is simply looked up in the database.
 */
export class StoredMessageIds {
  private readonly ids = new Set<string>();

  constructor(private readonly capacity: number = REMEMBERED) {}

  /** Remembers the ids (stored for certain); forgets the oldest beyond the capacity. */
  add(ids: Iterable<string>): void {
    for (const id of ids) {
      this.ids.delete(id);
      this.ids.add(id);
    }
    for (const oldest of this.ids) {
      if (this.ids.size <= this.capacity) break;
      this.ids.delete(oldest);
    }
  }

  /** True when the message is known to be stored; false says nothing (look it up). */
  has(id: string): boolean {
    return this.ids.has(id);
  }

  /** Forgets the id (its announcements are moved: nothing will ask again). */
  forget(id: string): void {
    this.ids.delete(id);
  }
}
