import { ExpiryHeap, type Expiring } from './expiry-heap';

const item = (name: string, expiresAtMs: number) => ({ name, expiresAtMs, heapIndex: -1 });

/** Takes every item out, earliest first. */
const drain = <T extends Expiring & { name: string }>(heap: ExpiryHeap<T>): string[] => {
  const names: string[] = [];
  for (let next = heap.peek(); next !== undefined; next = heap.peek()) {
    heap.remove(next);
    names.push(next.name);
  }
  return names;
};

describe('ExpiryHeap', () => {
  it('gives the items back earliest first, whatever order they came in', () => {
    const heap = new ExpiryHeap<ReturnType<typeof item>>();
    [item('c', 30), item('a', 10), item('e', 50), item('b', 20), item('d', 40), item('f', 60)].forEach((entry) => heap.push(entry));
    expect(heap.size).toBe(6);
    expect(drain(heap)).toEqual(['a', 'b', 'c', 'd', 'e', 'f']);
    expect(heap.size).toBe(0);
  });

  it('takes out an item from the middle, and ignores one that is not in it', () => {
    const heap = new ExpiryHeap<ReturnType<typeof item>>();
    const items = [item('a', 10), item('b', 20), item('c', 30), item('d', 40), item('e', 50)];
    items.forEach((entry) => heap.push(entry));
    heap.remove(items[2] as ReturnType<typeof item>);
    heap.remove(items[2] as ReturnType<typeof item>);
    heap.remove(item('x', 5));
    expect((items[2] as ReturnType<typeof item>).heapIndex).toBe(-1);
    expect(drain(heap)).toEqual(['a', 'b', 'd', 'e']);
  });

  it('moves an item pushed again with a new deadline instead of keeping it twice', () => {
    const heap = new ExpiryHeap<ReturnType<typeof item>>();
    const renewed = item('renewed', 10);
    [renewed, item('b', 20), item('c', 30)].forEach((entry) => heap.push(entry));
    renewed.expiresAtMs = 40;
    heap.push(renewed);
    expect(heap.size).toBe(3);
    expect(drain(heap)).toEqual(['b', 'c', 'renewed']);
  });
});
