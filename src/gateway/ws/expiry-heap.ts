/** An item of an {@link ExpiryHeap}: its deadline, and where the heap keeps it (-1 when not in one). */
export interface Expiring {
  expiresAtMs: number;
  heapIndex: number;
}

/**
 * Items by deadline, earliest first (a binary heap that knows each item's place, so an item
 * leaves it in O(log n) when it no longer expires: a closed or renewed socket). One timer on
 * the earliest deadline then does the work of one timer per item.
 */
export class ExpiryHeap<T extends Expiring> {
  private readonly items: T[] = [];

  get size(): number {
    return this.items.length;
  }

  /** The earliest item, or undefined when empty. */
  peek(): T | undefined {
    return this.items[0];
  }

  /** Adds `item` at its `expiresAtMs` (moves it, when it is in the heap already). */
  push(item: T): void {
    if (item.heapIndex >= 0) this.remove(item);
    item.heapIndex = this.items.length;
    this.items.push(item);
    this.up(item.heapIndex);
  }

  /** Takes `item` out; nothing when it is not in the heap. */
  remove(item: T): void {
    const index = item.heapIndex;
    if (index < 0 || this.items[index] !== item) return;
    item.heapIndex = -1;
    const last = this.items.pop() as T;
    if (index === this.items.length) return;
    this.place(last, index);
    this.up(index);
    this.down(last.heapIndex);
  }

  private place(item: T, index: number): void {
    this.items[index] = item;
    item.heapIndex = index;
  }

  private up(index: number): void {
    const item = this.items[index] as T;
    let at = index;
    while (at > 0) {
      const parentIndex = (at - 1) >> 1;
      const parent = this.items[parentIndex] as T;
      if (parent.expiresAtMs <= item.expiresAtMs) break;
      this.place(parent, at);
      at = parentIndex;
    }
    this.place(item, at);
  }

  private down(index: number): void {
    const item = this.items[index] as T;
    const count = this.items.length;
    let at = index;
    for (;;) {
      const left = 2 * at + 1;
      if (left >= count) break;
      const right = left + 1;
      const child = right < count && (this.items[right] as T).expiresAtMs < (this.items[left] as T).expiresAtMs ? right : left;
      if ((this.items[child] as T).expiresAtMs >= item.expiresAtMs) break;
      this.place(this.items[child] as T, at);
      at = child;
    }
    this.place(item, at);
  }
}
