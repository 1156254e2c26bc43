import type { Writable } from 'node:stream';
import { WebSocket } from 'ws';

/** A message as the relay pushes it: the same fields, hence about the same bytes, as ChatterRoom's push. */
export interface RelayedMessage {
  readonly messageId: string;
  readonly kind: 'private' | 'room';
  readonly senderId: number;
  readonly recipientId?: number;
  readonly roomId?: number;
  readonly message: string;
  readonly timestamp: string;
  readonly seq: number;
}

/**
 * The relay's whole state: who is in which room and which sockets each user has. No
 * validation, no storage, no events: a message is stamped, serialised once and written
 * to every socket of its audience in the same tick. With `coalesce`, each socket's TCP
 * transport is corked until the next tick, so the frames one socket gets in a tick leave
 * in one writev: the transport-level trick any fan-out server can use, kept so the
 * baseline stays a ceiling (without it, one system call per frame).
 */
export class RelayState {
  private readonly usersByName = new Map<string, number>();
  private readonly members = new Map<number, Set<number>>();
  private readonly sockets = new Map<number, Set<WebSocket>>();
  private readonly transports = new WeakMap<WebSocket, Writable>();
  private readonly corked = new Set<Writable>();
  private nextUser = 0;
  private nextRoom = 0;
  private nextMessage = 0;

  createUser(username: string): number {
    this.nextUser += 1;
    this.usersByName.set(username, this.nextUser);
    return this.nextUser;
  }

  userNamed(username: string): number | undefined {
    return this.usersByName.get(username);
  }

  createRoom(ownerId: number): number {
    this.nextRoom += 1;
    this.members.set(this.nextRoom, new Set([ownerId]));
    return this.nextRoom;
  }

  join(roomId: number, userId: number): void {
    const members = this.members.get(roomId) ?? new Set<number>();
    members.add(userId);
    this.members.set(roomId, members);
  }

  constructor(private readonly coalesce: boolean) {}

  connect(userId: number, socket: WebSocket, transport: Writable | undefined): void {
    if (transport !== undefined) this.transports.set(socket, transport);
    const sockets = this.sockets.get(userId) ?? new Set<WebSocket>();
    sockets.add(socket);
    this.sockets.set(userId, sockets);
    socket.on('close', () => {
      sockets.delete(socket);
      if (sockets.size === 0) this.sockets.delete(userId);
    });
  }

  sendToRoom(senderId: number, roomId: number, text: string): RelayedMessage {
    const message = this.stamp({ kind: 'room', senderId, roomId, message: text });
    this.push(this.members.get(roomId) ?? [], message);
    return message;
  }

  sendPrivate(senderId: number, recipientId: number, text: string): RelayedMessage {
    const message = this.stamp({ kind: 'private', senderId, recipientId, message: text });
    this.push(senderId === recipientId ? [senderId] : [senderId, recipientId], message);
    return message;
  }

  private stamp(fields: Omit<RelayedMessage, 'messageId' | 'timestamp' | 'seq'>): RelayedMessage {
    this.nextMessage += 1;
    return { messageId: String(this.nextMessage), ...fields, timestamp: new Date().toISOString(), seq: this.nextMessage };
  }

  private push(audience: Iterable<number>, message: RelayedMessage): void {
    const frame = Buffer.from(JSON.stringify({ type: 'message', message }));
    for (const userId of audience) {
      for (const socket of this.sockets.get(userId) ?? []) {
        if (socket.readyState !== WebSocket.OPEN) continue;
        if (this.coalesce) this.cork(this.transports.get(socket));
        socket.send(frame, { binary: false });
      }
    }
  }

  private cork(transport: Writable | undefined): void {
    if (transport === undefined || this.corked.has(transport)) return;
    if (this.corked.size === 0) process.nextTick(() => this.uncorkAll());
    transport.cork();
    this.corked.add(transport);
  }

  private uncorkAll(): void {
    for (const transport of this.corked) transport.uncork();
    this.corked.clear();
  }
}
