import { backoffDelay } from '../state/backoff';
import type { AuthSession } from './auth-session';
import { parseServerFrame, type ClientFrame, type ServerFrame } from './ws-frames';

/** What the connection is doing, shown to the person. */
export type ConnectionState =
  | { readonly status: 'connecting' }
  | { readonly status: 'online' }
  | { readonly status: 'offline' }
  | { readonly status: 'reconnecting'; readonly retryAt: number; readonly attempt: number };

export interface ChatSocketEvents {
  /** Every frame the server pushes. */
  readonly onFrame: (frame: ServerFrame) => void;
  /** Each time the socket is (re)opened and ready: fetch what may have been missed. */
  readonly onReady: (reconnected: boolean) => void;
  readonly onState: (state: ConnectionState) => void;
}

/** A ping goes out this often; a socket that answers nothing for PING_TIMEOUT_MS after it is closed and reopened. */
const PING_EVERY_MS = 20_000;
const PING_TIMEOUT_MS = 10_000;

/**
 * The live connection to /ws/chat: opened with a single-use ticket (POST /ws/ticket, so the
 * token stays out of the URL), kept alive with pings, and reopened after any loss with
 * exponential backoff (at once when the browser comes back online). Each fresh access token
 * is handed to the open socket (`auth` frame) so it outlives the token it started with.
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
  }

  /** Tells the open socket about a fresh access token of the same session. */
  renewToken(token: string): void {
    this.send({ type: 'auth', id: `auth-${++this.frameId}`, token });
  }

  private send(frame: ClientFrame): void {
    if (this.socket?.readyState === WebSocket.OPEN) this.socket.send(JSON.stringify(frame));
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
    const socket = new WebSocket(`${this.url}?ticket=${encodeURIComponent(ticket)}`);
    this.socket = socket;
    socket.onmessage = (event) => {
      if (socket !== this.socket) {
        socket.close();
        return;
      }
      this.lastHeard = Date.now();
      const frame = parseServerFrame(event.data);
      if (frame === undefined) return;
      if (frame.type === 'ready') this.ready();
      this.events.onFrame(frame);
    };
    socket.onclose = () => {
      if (socket !== this.socket) return;
      this.socket = undefined;
      this.lost(navigator.onLine ? undefined : { status: 'offline' });
    };
  }

  private ready(): void {
    const reconnected = this.everReady;
    this.everReady = true;
    this.attempt = 0;
    this.lastHeard = Date.now();
    clearInterval(this.pingTimer);
    this.pingTimer = setInterval(() => this.checkAlive(), PING_EVERY_MS);
    this.events.onState({ status: 'online' });
    this.events.onReady(reconnected);
  }

  private checkAlive(): void {
    if (Date.now() - this.lastHeard > PING_EVERY_MS + PING_TIMEOUT_MS) {
      this.drop();
      this.lost(undefined);
      return;
    }
    this.send({ type: 'ping' });
  }

  private drop(): void {
    const socket = this.socket;
    this.socket = undefined;
    socket?.close();
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
