import { backoffDelay } from '../state/backoff';
import { ApiError } from './api-error';
import type { AuthSession } from './auth-session';
import { FeedCursor } from './feed-cursor';
import { cursorOf, parseServerFrame, type ClientFrame, type ServerFrame } from './ws-frames';

/** What the connection is doing, shown to the person. */
export type ConnectionState =
  | { readonly status: 'connecting' }
  | { readonly status: 'catching-up' }
  | { readonly status: 'online' }
  | { readonly status: 'offline' }
  | { readonly status: 'reconnecting'; readonly retryAt: number; readonly attempt: number };

/**
 * How a socket became live: the `first` of this page; `resumed` from the last cursor (every
 * event missed came through onFrame first); `fresh` after a loss with no cursor to resume from
 * (what is shown must be read again).
 */
export type ReadyKind = 'first' | 'resumed' | 'fresh';

export interface ChatSocketEvents {
  /** Every frame the server pushes or replays (replies to {@link ChatSocket.request} too). */
  readonly onFrame: (frame: ServerFrame) => void;
  /** Each time a socket is live. */
  readonly onReady: (kind: ReadyKind) => void;
  readonly onState: (state: ConnectionState) => void;
}

/** A ping goes out this often; a socket that answers nothing for PING_TIMEOUT_MS after it is closed and reopened. */
const PING_EVERY_MS = 20_000;
const PING_TIMEOUT_MS = 10_000;

type Pending = { readonly resolve: (result: unknown) => void; readonly reject: (error: Error) => void };

/** A client frame without its `id` (the socket numbers the frames it expects an answer to). */
type Request = ClientFrame extends infer F ? (F extends ClientFrame ? Omit<F, 'id'> : never) : never;

/**
 * The live connection to /ws/chat: opened with a single-use ticket (POST /ws/ticket, so the
 * token stays out of the URL), kept alive with pings, and reopened after any loss with
 * exponential backoff (at once when the browser comes back online) from the last feed cursor
 * (`?since=`), so the server replays what was missed before going live again. Each fresh
 * access token is handed to the open socket (`auth` frame) so it outlives the one it started with.
 */
export class ChatSocket {
  private socket: WebSocket | undefined;
  private attempt = 0;
  private everReady = false;
  private stopped = false;
  /** An open() is between asking for a ticket and having its socket: another must not start. */
  private opening = false;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  private pingTimer: ReturnType<typeof setInterval> | undefined;
  private lastHeard = 0;
  private frameId = 0;
  private readonly pending = new Map<string, Pending>();
  private readonly cursor = new FeedCursor();
  /** The open socket was opened from a cursor and has not said `resumed` yet. */
  private resuming = false;
  private readonly onOnline = () => this.retryNow();
  private readonly onOffline = () => this.lost({ status: 'offline' });

  constructor(
    private readonly auth: AuthSession,
    private readonly events: ChatSocketEvents,
    private readonly url: string = `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/ws/chat`,
  ) {}

  start(): void {
    addEventListener('online', this.onOnline);
    addEventListener('offline', this.onOffline);
    void this.open();
  }

  stop(): void {
    this.stopped = true;
    removeEventListener('online', this.onOnline);
    removeEventListener('offline', this.onOffline);
    clearTimeout(this.retryTimer);
    clearInterval(this.pingTimer);
    this.socket?.close(1000, 'Signed out');
    this.socket = undefined;
    this.failPending('Signed out');
  }

  /** Tells the open socket about a fresh access token of the same session. */
  renewToken(token: string): void {
    void this.request({ type: 'auth', token }).catch(() => undefined);
  }

  /** Sends a frame that needs no answer; false when no socket is live. */
  send(frame: ClientFrame): boolean {
    if (this.socket?.readyState !== WebSocket.OPEN) return false;
    this.socket.send(JSON.stringify(frame));
    return true;
  }

  /** Sends a frame and resolves with its `ack`'s result; rejects with its `error` (an ApiError), or when no socket is live or it closes first. */
  request(frame: Request): Promise<unknown> {
    const id = `c${++this.frameId}`;
    return new Promise((resolve, reject) => {
      if (!this.send({ ...frame, id } as ClientFrame)) {
        reject(new ApiError(0, 'NETWORK', 'Not connected'));
        return;
      }
      this.pending.set(id, { resolve, reject });
    });
  }

  private async open(): Promise<void> {
    if (this.stopped || this.opening || this.socket !== undefined) return;
    if (!navigator.onLine) {
      this.events.onState({ status: 'offline' });
      return;
    }
    this.events.onState({ status: 'connecting' });
    let ticket: string;
    this.opening = true;
    try {
      ticket = (await this.auth.call('post', '/ws/ticket')).ticket;
    } catch {
      this.scheduleRetry();
      return;
    } finally {
      this.opening = false;
    }
    if (this.stopped || this.socket !== undefined) return;
    const since = this.cursor.since;
    const socket = new WebSocket(`${this.url}?ticket=${encodeURIComponent(ticket)}${since === undefined ? '' : `&since=${encodeURIComponent(since)}`}`);
    this.socket = socket;
    let ready = false;
    socket.onmessage = (event) => {
      if (socket !== this.socket) {
        socket.close();
        return;
      }
      this.lastHeard = Date.now();
      const frame = parseServerFrame(event.data);
      if (frame === undefined) return;
      this.cursor.advance(cursorOf(frame));
      if (frame.type === 'ready') {
        ready = true;
        this.ready(since !== undefined);
      } else if (frame.type === 'resumed' && this.resuming) {
        this.live('resumed');
      } else if ((frame.type === 'ack' || frame.type === 'error') && this.settle(frame)) {
        return;
      } else if (frame.type === 'error' && this.resuming) {
        // The replay after the cursor failed: reconnect and try it again.
        this.events.onFrame(frame);
        this.lost(undefined);
        return;
      }
      this.events.onFrame(frame);
    };
    socket.onclose = () => {
      if (socket !== this.socket) return;
      this.socket = undefined;
      if (!ready && since !== undefined) this.cursor.refused();
      this.lost(navigator.onLine ? undefined : { status: 'offline' });
    };
  }

  private ready(fromCursor: boolean): void {
    this.cursor.accepted();
    this.attempt = 0;
    this.lastHeard = Date.now();
    clearInterval(this.pingTimer);
    this.pingTimer = setInterval(() => this.checkAlive(), PING_EVERY_MS);
    if (fromCursor) {
      this.resuming = true;
      this.events.onState({ status: 'catching-up' });
      return;
    }
    this.live(this.everReady ? 'fresh' : 'first');
  }

  private live(kind: ReadyKind): void {
    this.resuming = false;
    this.everReady = true;
    this.events.onState({ status: 'online' });
    this.events.onReady(kind);
  }

  /** Resolves or rejects the request an `ack` or `error` answers; false when it answers none. */
  private settle(frame: Extract<ServerFrame, { type: 'ack' | 'error' }>): boolean {
    const id = frame.id === undefined ? undefined : String(frame.id);
    const waiting = id === undefined ? undefined : this.pending.get(id);
    if (id === undefined || waiting === undefined) return false;
    this.pending.delete(id);
    if (frame.type === 'ack') waiting.resolve(frame.result);
    else waiting.reject(new ApiError(400, frame.code, frame.message));
    return true;
  }

  private failPending(why: string): void {
    for (const waiting of this.pending.values()) waiting.reject(new ApiError(0, 'NETWORK', why));
    this.pending.clear();
  }

  private checkAlive(): void {
    if (Date.now() - this.lastHeard > PING_EVERY_MS + PING_TIMEOUT_MS) {
      this.lost(undefined);
      return;
    }
    this.send({ type: 'ping' });
  }

  private drop(): void {
    const socket = this.socket;
    this.socket = undefined;
    this.resuming = false;
    socket?.close();
    this.failPending('The connection was lost');
  }

  /** The socket is gone: show why, and come back later (or when the browser is online again). */
  private lost(state: ConnectionState | undefined): void {
    clearInterval(this.pingTimer);
    this.drop();
    if (this.stopped) return;
    if (state?.status === 'offline') {
      clearTimeout(this.retryTimer);
      this.events.onState(state);
      return;
    }
    this.scheduleRetry();
  }

  private scheduleRetry(): void {
    if (this.stopped) return;
    clearTimeout(this.retryTimer);
    const delay = backoffDelay(this.attempt);
    this.events.onState({ status: 'reconnecting', retryAt: Date.now() + delay, attempt: this.attempt });
    this.attempt += 1;
    this.retryTimer = setTimeout(() => void this.open(), delay);
  }

  private retryNow(): void {
    if (this.stopped || this.opening || this.socket !== undefined) return;
    clearTimeout(this.retryTimer);
    this.attempt = 0;
    void this.open();
  }
}
