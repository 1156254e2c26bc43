import WebSocket from 'ws';
import { nowMs } from './clock';
import type { ConnectStats, SocketSpec } from './generator-protocol';
import { runLimited } from './run-limited';

/** Called with every frame any socket of the pool receives. */
export type FrameListener = (socketIndex: number, data: Buffer) => void;

const READY = Buffer.from('{"type":"ready"');

/**
 * The WebSockets of one load-generator process. A socket counts as open once the server
 * sent its `ready` frame; frames are then handed, raw, to whichever listener the current
 * phase installed (parsing is the listener's business, and kept cheap).
 */
export class SocketPool {
  private readonly sockets: Array<WebSocket | undefined> = [];
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
    return { opened, failed: specs.length - opened, seconds: (nowMs() - started) / 1000, ...(firstError ? { firstError } : {}) };
  }

  get size(): number {
    return this.sockets.length;
  }

  openCount(): number {
    return this.sockets.filter((socket) => socket?.readyState === WebSocket.OPEN).length;
  }

  /** False when the socket is not open (the frame is dropped). */
  send(index: number, text: string): boolean {
    const socket = this.sockets[index];
    if (socket?.readyState !== WebSocket.OPEN) return false;
    socket.send(text);
    return true;
  }

  closeAll(): void {
    for (const socket of this.sockets) socket?.terminate();
    this.sockets.length = 0;
  }

  private open(spec: SocketSpec, index: number, timeoutMs: number): Promise<WebSocket> {
    return new Promise((resolve, reject) => {
      const url = `${spec.url}?token=${encodeURIComponent(spec.token)}`;
      const socket = new WebSocket(url, { perMessageDeflate: false, handshakeTimeout: timeoutMs });
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
      socket.on('message', (data: Buffer) => {
        if (ready) {
          this.listener?.(index, data);
          return;
        }
        if (data.subarray(0, READY.length).equals(READY)) {
          ready = true;
          clearTimeout(timer);
          resolve(socket);
        }
      });
    });
  }
}
