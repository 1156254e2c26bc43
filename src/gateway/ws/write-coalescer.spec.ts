import { once } from 'node:events';
import { createServer, connect, type AddressInfo, type Socket } from 'node:net';
import { Writable } from 'node:stream';
import { WriteCoalescer } from './write-coalescer';

/** A stream that records each system-call-like write: one entry per _write/_writev call. */
const recordingStream = () => {
  const calls: string[][] = [];
  let onCall: (() => void) | undefined;
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      calls.push([chunk.toString()]);
      onCall?.();
      done();
    },
    writev(chunks, done) {
      calls.push(chunks.map(({ chunk }) => (chunk as Buffer).toString()));
      onCall?.();
      done();
    },
  });
  /** Resolves on the stream's next write call. */
  const nextCall = () =>
    new Promise<void>((resolve) => {
      onCall = () => {
        onCall = undefined;
        resolve();
      };
    });
  return { stream, calls, nextCall };
};

const nextTick = () => new Promise<void>((resolve) => process.nextTick(resolve));
/** A clock the test moves by hand (milliseconds). */
const manualClock = () => {
  let time = 1_000;
  return { now: () => time, advance: (ms: number) => (time += ms) };
};
const everyTick = () => new WriteCoalescer({ releaseIntervalMs: 0 });

describe('WriteCoalescer', () => {
  it('hands everything written to a held stream during one tick over in one call, in order, on the next tick', async () => {
    const coalescer = everyTick();
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
    const coalescer = everyTick();
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
    const coalescer = everyTick();
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
    const coalescer = everyTick();
    const { stream } = recordingStream();
    stream.destroy();
    expect(() => coalescer.hold(undefined)).not.toThrow();
    coalescer.hold(stream);
    expect(stream.writableCorked).toBe(0);
  });
});

describe('WriteCoalescer with a release interval', () => {
  it('releases on the next tick when the last release is at least the interval ago', async () => {
    const clock = manualClock();
    const coalescer = new WriteCoalescer({ releaseIntervalMs: 4, now: clock.now });
    const { stream, calls } = recordingStream();
    coalescer.hold(stream);
    stream.write('first');
    await nextTick();
    clock.advance(4);
    coalescer.hold(stream);
    stream.write('second');
    await nextTick();
    expect(calls).toEqual([['first'], ['second']]);
  });

  it('keeps what comes within the interval held past the tick, then writes it all in one call, in order', async () => {
    const clock = manualClock();
    const coalescer = new WriteCoalescer({ releaseIntervalMs: 4, now: clock.now });
    const { stream, calls, nextCall } = recordingStream();
    coalescer.hold(stream);
    stream.write('a');
    await nextTick();
    clock.advance(1);
    const released = nextCall();
    for (const frame of ['b', 'c']) {
      coalescer.hold(stream);
      stream.write(frame);
      await nextTick();
    }
    coalescer.hold(stream);
    stream.write('d');
    expect(calls).toEqual([['a']]);
    await released;
    expect(calls).toEqual([['a'], ['b', 'c', 'd']]);
    expect(stream.writableCorked).toBe(0);
  });
});

describe('WriteCoalescer when a transport breaks', () => {
  it('still releases the other transports, and holds again in later ticks', async () => {
    const coalescer = everyTick();
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

describe('WriteCoalescer on TCP sockets', () => {
  it('delivers every frame written across many holds and releases, in order, to each socket', async () => {
    const received = new Map<number, Buffer[]>();
    const server = createServer((socket) => {
      socket.once('data', (first) => {
        const id = first[0] as number;
        const chunks = [first.subarray(1)];
        received.set(id, chunks);
        socket.on('data', (chunk) => chunks.push(chunk));
      });
    });
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    const { port } = server.address() as AddressInfo;
    const sockets: Socket[] = [];
    for (let id = 0; id < 3; id += 1) {
      const socket = connect(port, '127.0.0.1');
      await once(socket, 'connect');
      socket.write(Buffer.from([id]));
      sockets.push(socket);
    }
    const coalescer = new WriteCoalescer({ releaseIntervalMs: 2 });
    const frames = 400;
    for (let frame = 0; frame < frames; frame += 1) {
      for (const socket of sockets) {
        coalescer.hold(socket);
        socket.write(`${frame},`);
      }
      if (frame % 7 === 0) await new Promise<void>((resolve) => setImmediate(resolve));
      else if (frame % 3 === 0) await nextTick();
    }
    const expected = Array.from({ length: frames }, (_, frame) => `${frame},`).join('');
    await Promise.all(sockets.map((socket) => new Promise<void>((resolve) => socket.end(resolve))));
    await new Promise<void>((resolve) => server.close(() => resolve()));
    for (let id = 0; id < sockets.length; id += 1) expect(Buffer.concat(received.get(id) ?? []).toString()).toBe(expected);
  });
});
