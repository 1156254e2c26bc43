import type { Writable } from 'node:stream';
import type { WebSocket } from 'ws';
import type { SocketFeed } from './socket-feed';

const NO_SOCKETS: ReadonlySet<WebSocket> = new Set();

/** The open WebSockets of this gateway instance, by user (one user may have several devices). */
export class ConnectionRegistry {
  private readonly socketsByUser = new Map<number, Set<WebSocket>>();
  private readonly transports = new WeakMap<WebSocket, Writable>();
  private readonly feeds = new WeakMap<WebSocket, SocketFeed>();

  /**
   * `transport`: the TCP socket under the WebSocket, when known, so pushes to it can be coalesced
   * and written as ready-made frames; kept only when the socket negotiated no extension (a
   * compressed socket's frames are framed by ws), so a push never has to ask again.
   * `feed`: what the socket was sent, for replays and catch-ups (see SocketFeed).
   */
  add(userId: number, socket: WebSocket, transport?: Writable, feed?: SocketFeed): void {
    if (feed !== undefined) this.feeds.set(socket, feed);
    const sockets = this.socketsByUser.get(userId) ?? new Set<WebSocket>();
    sockets.add(socket);
    this.socketsByUser.set(userId, sockets);
    if (transport !== undefined && socket.extensions === '') this.transports.set(socket, transport);
  }

  remove(userId: number, socket: WebSocket): void {
    const sockets = this.socketsByUser.get(userId);
    if (sockets === undefined) return;
    sockets.delete(socket);
    if (sockets.size === 0) this.socketsByUser.delete(userId);
  }

  /** A live view, not a copy: iterate it, do not keep it. */
  socketsOf(userId: number): ReadonlySet<WebSocket> {
    return this.socketsByUser.get(userId) ?? NO_SOCKETS;
  }

  /** What the socket was sent (see SocketFeed); undefined for a socket added without one. */
  feedOf(socket: WebSocket): SocketFeed | undefined {
    return this.feeds.get(socket);
  }

  /** Every socket's feed: a catch-up after the event bus came back. */
  allFeeds(): SocketFeed[] {
    return this.all().flatMap((socket) => {
      const feed = this.feeds.get(socket);
      return feed === undefined ? [] : [feed];
    });
  }

  /** The socket's TCP socket; undefined when unknown or when the socket negotiated an extension. */
  transportOf(socket: WebSocket): Writable | undefined {
    return this.transports.get(socket);
  }

  /** The users with at least one socket here. */
  userIds(): number[] {
    return [...this.socketsByUser.keys()];
  }

  all(): WebSocket[] {
    return [...this.socketsByUser.values()].flatMap((sockets) => [...sockets]);
  }

  get userCount(): number {
    return this.socketsByUser.size;
  }
}
