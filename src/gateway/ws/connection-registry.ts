import type { WebSocket } from 'ws';

/** The open WebSockets of this gateway instance, by user (one user may have several devices). */
export class ConnectionRegistry {
  private readonly socketsByUser = new Map<number, Set<WebSocket>>();

  add(userId: number, socket: WebSocket): void {
    const sockets = this.socketsByUser.get(userId) ?? new Set<WebSocket>();
    sockets.add(socket);
    this.socketsByUser.set(userId, sockets);
  }

  remove(userId: number, socket: WebSocket): void {
    const sockets = this.socketsByUser.get(userId);
    if (sockets === undefined) return;
    sockets.delete(socket);
    if (sockets.size === 0) this.socketsByUser.delete(userId);
  }

  socketsOf(userId: number): readonly WebSocket[] {
    return [...(this.socketsByUser.get(userId) ?? [])];
  }

  all(): WebSocket[] {
    return [...this.socketsByUser.values()].flatMap((sockets) => [...sockets]);
  }

  get userCount(): number {
    return this.socketsByUser.size;
  }
}
