import WebSocket from 'ws';
import { nowMs } from './clock';
import type { ConnectStats, SendFrame, SocketSpec } from './generator-protocol';
import { runLimited } from './run-limited';
import { codecOf, type WireCodec } from './wire-protocols';

/** Called with every frame any socket of the pool receives, and the codec that reads it. */
export type FrameListener = (socketIndex: number, data: Buffer, codec: WireCodec) => void;

interface PooledSocket {
  readonly socket: WebSocket;
  readonly codec: WireCodec;
  nextId: number;
}

/**
 * The WebSockets of one load-generator process. A socket counts as open once the server
 * sent its `ready` frame; frames are then handed, raw, to whichever listener the current
 * phase installed (parsing is the listener's business, and kept cheap).
 */
export class SocketPool {
  private readonly sockets: Array<PooledSocket | undefined> = [];
  listener: FrameListener | undefined;

  async connect(specs: readonly SocketSpec[], concurrency: number, timeoutMs: number): Promise<ConnectStats> {
    const started = nowMs();
    const base = this.sockets.length;
    let firstError: string | undefined;
    const outcomes = await runLimited(specs, concurrency, async (spec, offset) => {
      try {
        this.sockets[base + offset] = await this.open(spec, base + offset, timeoutMs);
        return true;
      } catch (error) {
        firstError ??= (error as Error).message;
        return false;
      }
    });
    const opened = outcomes.filter(Boolean).length;
    return { firstIndex: base, opened, failed: specs.length - opened, seconds: (nowMs() - started) / 1000, ...(firstError ? { firstError } : {}) };
  }

  get size(): number {
    return this.sockets.length;
  }

  openCount(): number {
    return this.sockets.filter((pooled) => pooled?.socket.readyState === WebSocket.OPEN).length;
  }

  /** False when the socket is not open (the frame is dropped). */
  send(index: number, text: string): boolean {
    const socket = this.sockets[index]?.socket;
    if (socket?.readyState !== WebSocket.OPEN) return false;
    socket.send(text);
    return true;
  }

  /** Sends `message` (JSON-safe text) as `frame` in the socket's own protocol; false when the socket is not open. */
  sendMessage(index: number, frame: SendFrame, message: string): boolean {
    const pooled = this.sockets[index];
    if (pooled === undefined) return false;
    pooled.nextId += 1;
    return this.send(index, pooled.codec.send(frame, message, pooled.nextId));
  }

  /** Closes `count` sockets from `from` (their slots stay, empty), e.g. the idle sockets of a memory measurement. */
  close(from: number, count: number): void {
    for (let index = from; index < from + count; index += 1) {
      this.sockets[index]?.socket.terminate();
      this.sockets[index] = undefined;
    }
  }

  closeAll(): void {
    for (const pooled of this.sockets) pooled?.socket.terminate();
    this.sockets.length = 0;
  }

  private open(spec: SocketSpec, index: number, timeoutMs: number): Promise<PooledSocket> {
    const codec = codecOf(spec);
    return new Promise((resolve, reject) => {
      const socket = new WebSocket(codec.url(spec), { perMessageDeflate: false, handshakeTimeout: timeoutMs });
      let ready = false;
      const timer = setTimeout(() => fail(new Error(`no ready frame within ${timeoutMs} ms`)), timeoutMs);
      const fail = (error: Error) => {
        clearTimeout(timer);
        if (ready) return;
        socket.terminate();
        reject(error);
      };
      socket.on('error', (error) => fail(error));
      socket.on('close', (code) => fail(new Error(`closed before ready (${code})`)));
      socket.on('open', () => {
        const opening = codec.opening(spec);
        if (opening !== '') socket.send(opening);
      });
      socket.on('message', (data: Buffer) => {
        const pong = codec.keepAlive(data);
        if (pong !== undefined) socket.send(pong);
        if (ready) {
          this.listener?.(index, data, codec);
          return;
        }
        const step = codec.handshake(data, spec);
        if (step.reply !== undefined) socket.send(step.reply);
        if (step.error !== undefined) fail(new Error(step.error));
        else if (step.ready) {
          ready = true;
          clearTimeout(timer);
          resolve({ socket, codec, nextId: codec.firstCommandId });
        }
      });
    });
  }
}
