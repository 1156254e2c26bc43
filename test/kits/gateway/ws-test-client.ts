import type { IncomingMessage } from 'node:http';
import { WebSocket } from 'ws';

/** A frame the server sent, parsed. */
export type Frame = Record<string, unknown> & { type: string };

/**
 * A WebSocket client for tests: frames are queued as they arrive and read in order with
 * `next()`, so a test can assert both what arrived and that nothing arrived before it.
 */
export class WsTestClient {
  private readonly frames: Frame[] = [];
  private readonly waiters: Array<(frame: Frame) => void> = [];
  readonly closed: Promise<{ code: number; reason: string }>;

  private constructor(readonly socket: WebSocket) {
    socket.on('message', (data) => {
      const frame = JSON.parse(data.toString()) as Frame;
      const waiter = this.waiters.shift();
      if (waiter) waiter(frame);
      else this.frames.push(frame);
    });
    this.closed = new Promise((resolve) => socket.on('close', (code, reason) => resolve({ code, reason: reason.toString() })));
  }

  /** Opens a socket and waits for the server's `ready` frame. */
  static async connect(url: string, headers: Record<string, string> = {}): Promise<{ client: WsTestClient; ready: Frame }> {
    const socket = new WebSocket(url, { headers });
    const client = new WsTestClient(socket);
    await new Promise<void>((resolve, reject) => {
      socket.once('open', () => resolve());
      socket.once('error', reject);
    });
    return { client, ready: await client.next() };
  }

  /** Tries to open a socket that the server should refuse; resolves with the HTTP answer. */
  static refusal(url: string, headers: Record<string, string> = {}): Promise<{ statusCode: number; body: unknown }> {
    return new Promise((resolve, reject) => {
      const socket = new WebSocket(url, { headers });
      socket.once('open', () => reject(new Error('the upgrade was accepted')));
      socket.once('error', () => undefined);
      socket.once('unexpected-response', (_request, response: IncomingMessage) => {
        let body = '';
        response.on('data', (chunk: Buffer) => (body += chunk.toString()));
        response.on('end', () => resolve({ statusCode: response.statusCode ?? 0, body: JSON.parse(body) }));
      });
    });
  }

  next(): Promise<Frame> {
    const frame = this.frames.shift();
    if (frame !== undefined) return Promise.resolve(frame);
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  send(frame: unknown): void {
    this.socket.send(typeof frame === 'string' ? frame : JSON.stringify(frame));
  }

  /** Sends a frame and returns the next frame received (its reply, when nothing else is pending). */
  async request(frame: unknown): Promise<Frame> {
    this.send(frame);
    return this.next();
  }

  close(): void {
    this.socket.close();
  }
}
