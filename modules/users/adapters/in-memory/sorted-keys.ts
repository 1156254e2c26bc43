/** Distinct strings kept in ascending order, found by binary search: an ordered index in memory. */
export class SortedKeys {
  private readonly keys: string[] = [];

  /** Adds the key (once). */
  add(key: string): void {
    const at = this.firstAtOrAfter(key);
    if (this.keys[at] !== key) this.keys.splice(at, 0, key);
  }

  /** At most `limit` keys starting with `prefix`, ascending. */
  withPrefix(prefix: string, limit: number): string[] {
    const found: string[] = [];
    for (let at = this.firstAtOrAfter(prefix); at < this.keys.length && found.length < limit; at += 1) {
      const key = this.keys[at]!;
      if (!key.startsWith(prefix)) break;
      found.push(key);
    }
    return found;
  }

  private firstAtOrAfter(key: string): number {
    let low = 0;
    let high = this.keys.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (this.keys[middle]! < key) low = middle + 1;
      else high = middle;
    }
    return low;
  }
}
