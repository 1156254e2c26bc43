/**
 * Runs tasks one at a time per key, in call order; tasks of different keys run
 * concurrently. A task that fails does not stop the ones queued after it. A key is
 * remembered only while it has work queued, and a task whose key is idle starts at once.
 */
export class KeyedSerialQueue {
  private readonly tails = new Map<string, Promise<void>>();

  run<T>(key: string, task: () => Promise<T>): Promise<T> {
    const previous = this.tails.get(key);
    const result = previous === undefined ? start(task) : previous.then(task);
    const tail = result.then(settled, settled);
    this.tails.set(key, tail);
    void tail.then(() => {
      if (this.tails.get(key) === tail) this.tails.delete(key);
    });
    return result;
  }

  /** Keys with work queued or running (for tests and diagnostics). */
  get busyKeys(): number {
    return this.tails.size;
  }
}

const settled = (): void => undefined;

const start = <T>(task: () => Promise<T>): Promise<T> => {
  try {
    return task();
  } catch (error) {
    return Promise.reject(error);
  }
};
