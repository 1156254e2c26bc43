import { KeyedSerialQueue } from './keyed-serial-queue';

const deferred = <T>() => {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
};

const flush = () => new Promise<void>((resolve) => setImmediate(resolve));

describe('KeyedSerialQueue', () => {
  it('runs the tasks of one key one at a time, in call order', async () => {
    const queue = new KeyedSerialQueue();
    const started: string[] = [];
    const first = deferred<string>();
    const one = queue.run('k', () => {
      started.push('one');
      return first.promise;
    });
    const two = queue.run('k', async () => {
      started.push('two');
      return 'two';
    });
    await flush();
    expect(started).toEqual(['one']);
    first.resolve('one');
    await expect(one).resolves.toBe('one');
    await expect(two).resolves.toBe('two');
    expect(started).toEqual(['one', 'two']);
  });

  it('runs different keys concurrently', async () => {
    const queue = new KeyedSerialQueue();
    const blocker = deferred<void>();
    const started: string[] = [];
    void queue.run('a', () => {
      started.push('a');
      return blocker.promise;
    });
    await queue.run('b', async () => {
      started.push('b');
    });
    expect(started).toEqual(['a', 'b']);
    blocker.resolve();
  });

  it('goes on after a failed task, and passes each result or error to its own caller', async () => {
    const queue = new KeyedSerialQueue();
    const failing = queue.run('k', async () => {
      throw new Error('boom');
    });
    const throwingSynchronously = queue.run('k', () => {
      throw new Error('sync boom');
    });
    const next = queue.run('k', async () => 42);
    await expect(failing).rejects.toThrow('boom');
    await expect(throwingSynchronously).rejects.toThrow('sync boom');
    await expect(next).resolves.toBe(42);
  });

  it('forgets a key once its queue is empty', async () => {
    const queue = new KeyedSerialQueue();
    await Promise.all([queue.run('a', async () => 1), queue.run('a', async () => 2), queue.run('b', async () => 3)]);
    await flush();
    expect(queue.busyKeys).toBe(0);
  });
});
