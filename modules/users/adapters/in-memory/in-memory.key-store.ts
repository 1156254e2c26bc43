import type { KeyStore, StoredSigningKey } from '../../ports';

const newestFirst = (a: StoredSigningKey, b: StoredSigningKey): number =>
  b.createdAt.localeCompare(a.createdAt) || b.kid.localeCompare(a.kid);

/** {@link KeyStore} in process memory: the keys end with the process (so do its tokens). */
export class InMemoryKeyStore implements KeyStore {
  private readonly keys = new Map<string, StoredSigningKey>();

  async add(key: StoredSigningKey): Promise<void> {
    if (!this.keys.has(key.kid)) this.keys.set(key.kid, structuredClone(key));
  }

  async list(): Promise<StoredSigningKey[]> {
    return [...this.keys.values()].sort(newestFirst).map((key) => structuredClone(key));
  }

  async removeOlderThan(createdBefore: string, keep: readonly string[]): Promise<number> {
    let removed = 0;
    for (const key of [...this.keys.values()]) {
      if (key.createdAt < createdBefore && !keep.includes(key.kid)) removed += Number(this.keys.delete(key.kid));
    }
    return removed;
  }
}
