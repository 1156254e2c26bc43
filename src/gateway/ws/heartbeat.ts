import type { WebSocket } from 'ws';

/** The open sockets a heartbeat watches: /ws/chat's registry, plus GraphQL's. */
export interface SocketSource {
  all(): readonly WebSocket[];
}

/**
 * Pings every socket each interval and terminates those that did not answer the previous
 * ping, so connections whose peer vanished without closing do not linger in the registry.
 */
export class Heartbeat {
  private readonly answered = new WeakSet<WebSocket>();
  private timer: NodeJS.Timeout | undefined;
  /** Every socket's 'pong' listener (one function, not one per socket). */
  private readonly onPong: (this: WebSocket) => void;

  constructor(private readonly connections: SocketSource) {
    const answered = this.answered;
    this.onPong = function (this: WebSocket) {
      answered.add(this);
    };
  }

  track(socket: WebSocket): void {
    this.answered.add(socket);
    socket.on('pong', this.onPong);
  }

  start(intervalMs: number): void {
    if (intervalMs <= 0 || this.timer !== undefined) return;
    this.timer = setInterval(() => this.beat(), intervalMs);
    this.timer.unref();
  }

  stop(): void {
    clearInterval(this.timer);
    this.timer = undefined;
  }

  beat(): void {
    for (const socket of this.connections.all()) {
      if (!this.answered.has(socket)) {
        socket.terminate();
        continue;
      }
      this.answered.delete(socket);
      try {
        socket.ping();
      } catch {
        socket.terminate();
      }
    }
  }
}
