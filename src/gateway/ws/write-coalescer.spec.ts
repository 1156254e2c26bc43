import { Writable } from 'node:stream';
import { WriteCoalescer } from './write-coalescer';

/** A stream that records each system-call-like write: one entry per _write/_writev call. */
const recordingStream = () => {
  const calls: string[][] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      calls.push([chunk.toString()]);
      done();
    },
    writev(chunks, done) {
      calls.push(chunks.map(({ chunk }) => (chunk as Buffer).toString()));
      done();
    },
  });
  return { stream, calls };
};

const nextTick = () => new Promise<void>((resolve) => process.nextTick(resolve));

describe('WriteCoalescer', () => {
  it('hands everything written to a held stream during one tick over in one call, in order, on the next tick', async () => {
    const coalescer = new WriteCoalescer();
    const { stream, calls } = recordingStream();
    for (const frame of ['one', 'two', 'three']) {
      coalescer.hold(stream);
      stream.write(frame);
    }
    expect(calls).toEqual([]);
    await nextTick();
    expect(calls).toEqual([['one', 'two', 'three']]);
  });

  it('holds each stream separately and releases them all', async () => {
    const coalescer = new WriteCoalescer();
    const first = recordingStream();
    const second = recordingStream();
    coalescer.hold(first.stream);
    first.stream.write('a');
    coalescer.hold(second.stream);
    second.stream.write('b');
    first.stream.write('c');
    await nextTick();
    expect(first.calls).toEqual([['a', 'c']]);
    expect(second.calls).toEqual([['b']]);
  });

  it('holds again in a later tick, and leaves a stream it never held alone', async () => {
    const coalescer = new WriteCoalescer();
    const held = recordingStream();
    const free = recordingStream();
    coalescer.hold(held.stream);
    held.stream.write('x');
    await nextTick();
    coalescer.hold(held.stream);
    held.stream.write('y');
    free.stream.write('z');
    expect(free.calls).toEqual([['z']]);
    await nextTick();
    expect(held.calls).toEqual([['x'], ['y']]);
    expect(held.stream.writableCorked).toBe(0);
  });

  it('ignores an unknown or destroyed transport', async () => {
    const coalescer = new WriteCoalescer();
    const { stream } = recordingStream();
    stream.destroy();
    expect(() => coalescer.hold(undefined)).not.toThrow();
    coalescer.hold(stream);
    expect(stream.writableCorked).toBe(0);
  });
});

describe('WriteCoalescer when a transport breaks', () => {
  it('still releases the other transports, and holds again in later ticks', async () => {
    const coalescer = new WriteCoalescer();
    const broken = recordingStream();
    const healthy = recordingStream();
    broken.stream.uncork = () => {
      throw new Error('broken transport');
    };
    coalescer.hold(broken.stream);
    coalescer.hold(healthy.stream);
    healthy.stream.write('first');
    await nextTick();
    expect(healthy.calls).toEqual([['first']]);
    coalescer.hold(healthy.stream);
    healthy.stream.write('second');
    await nextTick();
    expect(healthy.calls).toEqual([['first'], ['second']]);
  });
});
