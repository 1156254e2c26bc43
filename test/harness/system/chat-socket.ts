import WebSocket from 'ws';
import type { Json } from './http-client';

/** A frame as received or sent on /ws/chat. */
export type Frame = { readonly type?: string; readonly id?: string } & Record<string, Json>;
export type FramePredicate = (frame: Frame) => boolean;

export interface ConnectOptions {
  /** Omitted = no token at all. */
  readonly token?: string;
  /** Where the token travels: `Authorization: Bearer` (default) or `?token=`. */
  readonly via?: 'header' | 'query';
  /** Resolve only after the server's `ready` frame (default), which is then kept in `ready`. */
  readonly awaitReady?: boolean;
  readonly timeoutMs?: number;
  /** The Origin header a browser page of this origin would send; none by default. */
  readonly origin?: string;
}

interface Waiter {
  readonly predicate: FramePredicate;
  readonly resolve: (frame: Frame) => void;
}

const DEFAULT_WAIT_MS = 5_000;
let requestCounter = 0;

const socketUrl = (wsUrl: string, options: ConnectOptions): { url: string; headers: Record<string, string> } => {
  const origin: Record<string, string> = options.origin === undefined ? {} : { origin: options.origin };
  if (options.token === undefined) return { url: wsUrl, headers: origin };
  if (options.via === 'query') return { url: `${wsUrl}?token=${encodeURIComponent(options.token)}`, headers: origin };
  return { url: wsUrl, headers: { ...origin, authorization: `Bearer ${options.token}` } };
};

/**
 * A test client of /ws/chat. Every frame received and not yet taken waits in an inbox:
 * `next` takes the first match (waiting for it if needed), `request` takes the reply
 * carrying its id, and `expectNothing` fails when a match is in the inbox after a while.
 */
export class ChatSocket {
  /** The `ready` frame, when `connect` waited for it. */
  ready: Frame | undefined;
  readonly closed: Promise<{ code: number; reason: string }>;
  private readonly inbox: Frame[] = [];
  /** Every frame received, taken or not, in order. */
  readonly received: Frame[] = [];
  private waiters: Waiter[] = [];

  private static readonly live = new Set<ChatSocket>();

  /** Closes every socket a test left open (the system project runs it after each test). */
  static async closeAll(): Promise<void> {
    await Promise.all([...ChatSocket.live].map((socket) => socket.close()));
  }

  private constructor(private readonly socket: WebSocket) {
    ChatSocket.live.add(this);
    socket.on('message', (data: WebSocket.RawData) => this.receive(data.toString()));
    socket.on('error', () => undefined); // a failure after open shows as `closed`
    this.closed = new Promise((resolve) =>
      socket.once('close', (code, reason) => {
        ChatSocket.live.delete(this);
        resolve({ code, reason: reason.toString() });
      }),
    );
  }

  static async connect(wsUrl: string, options: ConnectOptions = {}): Promise<ChatSocket> {
    const { url, headers } = socketUrl(wsUrl, options);
    const socket = new WebSocket(url, { headers });
    const chat = new ChatSocket(socket);
    await new Promise<void>((resolve, reject) => {
      const fail = (error: Error) => {
        clearTimeout(timer);
        socket.terminate();
        reject(error);
      };
      const timer = setTimeout(() => fail(new Error(`WebSocket ${wsUrl} did not open`)), options.timeoutMs ?? DEFAULT_WAIT_MS);
      socket.once('open', () => {
        clearTimeout(timer);
        resolve();
      });
      socket.once('unexpected-response', (_request, response) => {
        response.resume();
        fail(new Error(`WebSocket upgrade refused with HTTP ${response.statusCode}`));
      });
      socket.once('error', fail);
    });
    if (options.awaitReady ?? true) chat.ready = await chat.next((frame) => frame.type === 'ready', options.timeoutMs);
    return chat;
  }

  /** The HTTP status and JSON body with which the server refuses the upgrade; fails if the socket opens instead. */
  static rejection(wsUrl: string, options: ConnectOptions = {}): Promise<{ status: number; body: Json }> {
    const { url, headers } = socketUrl(wsUrl, options);
    const socket = new WebSocket(url, { headers });
    return new Promise((resolve, reject) => {
      socket.once('unexpected-response', (_request, response) => {
        let text = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => (text += chunk));
        response.on('end', () => {
          socket.terminate();
          try {
            resolve({ status: response.statusCode ?? 0, body: JSON.parse(text) });
          } catch {
            resolve({ status: response.statusCode ?? 0, body: text });
          }
        });
      });
      socket.once('open', () => {
        socket.close();
        reject(new Error('the WebSocket upgrade was accepted'));
      });
      socket.once('error', (error) => reject(error));
    });
  }

  /** The HTTP status with which the server refuses the upgrade; fails if the socket opens instead. */
  static rejectedStatus(wsUrl: string, options: ConnectOptions = {}): Promise<number> {
    const { url, headers } = socketUrl(wsUrl, options);
    const socket = new WebSocket(url, { headers });
    return new Promise((resolve, reject) => {
      socket.once('unexpected-response', (_request, response) => {
        resolve(response.statusCode ?? 0);
        response.resume();
        socket.terminate();
      });
      socket.once('open', () => {
        socket.close();
        reject(new Error('the WebSocket upgrade was accepted'));
      });
      socket.once('error', (error) => reject(error));
    });
  }

  get isOpen(): boolean {
    return this.socket.readyState === WebSocket.OPEN;
  }

  /** Sends a frame as JSON. */
  send(frame: Record<string, Json>): void {
    this.socket.send(JSON.stringify(frame));
  }

  /** Sends text or bytes as they are (malformed or oversized frames). */
  sendRaw(data: string | Buffer): void {
    this.socket.send(data);
  }

  /** Sends `frame` with an id (its own or a fresh one) and resolves the reply carrying that id. */
  request(frame: Record<string, Json>, timeoutMs = DEFAULT_WAIT_MS): Promise<Frame> {
    const id = typeof frame.id === 'string' ? frame.id : `req-${process.pid}-${++requestCounter}`;
    const reply = this.next((received) => received.id === id, timeoutMs);
    this.send({ ...frame, id });
    return reply;
  }

  /** Takes the first received frame matching `predicate`, waiting up to `timeoutMs` for it. */
  next(predicate: FramePredicate, timeoutMs = DEFAULT_WAIT_MS): Promise<Frame> {
    const index = this.inbox.findIndex(predicate);
    if (index >= 0) return Promise.resolve(this.inbox.splice(index, 1)[0]!);
    return new Promise((resolve, reject) => {
      const waiter: Waiter = {
        predicate,
        resolve: (frame) => {
          clearTimeout(timer);
          resolve(frame);
        },
      };
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((other) => other !== waiter);
        reject(new Error(`no matching frame within ${timeoutMs} ms; frames not taken: ${JSON.stringify(this.inbox)}`));
      }, timeoutMs);
      this.waiters.push(waiter);
    });
  }

  /**
   * Fails when a frame matching `predicate` was received, or arrives within `ms`. Meaningful
   * after a barrier: a later frame this socket did get (see `next`), so the one checked here
   * would have arrived before it.
   */
  async expectNothing(predicate: FramePredicate, ms = 400): Promise<void> {
    await new Promise((resolve) => setTimeout(resolve, ms));
    const unexpected = this.inbox.filter(predicate);
    if (unexpected.length > 0) throw new Error(`unexpected frame(s) received: ${JSON.stringify(unexpected)}`);
  }

  /** Frames received and not taken yet (for diagnostics). */
  pending(): readonly Frame[] {
    return [...this.inbox];
  }

  /** Closes the socket and waits for the close handshake (terminating it if that hangs). */
  async close(): Promise<void> {
    if (this.socket.readyState === WebSocket.CLOSED) return;
    this.socket.close();
    const timer = setTimeout(() => this.socket.terminate(), 2_000);
    await this.closed;
    clearTimeout(timer);
  }

  private receive(text: string): void {
    let frame: Frame;
    try {
      frame = JSON.parse(text) as Frame;
    } catch {
      frame = { type: '(not JSON)', raw: text };
    }
    this.received.push(frame);
    const waiter = this.waiters.find((candidate) => candidate.predicate(frame));
    if (waiter === undefined) {
      this.inbox.push(frame);
      return;
    }
    this.waiters = this.waiters.filter((other) => other !== waiter);
    waiter.resolve(frame);
  }
}
