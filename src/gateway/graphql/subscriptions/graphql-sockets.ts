import type { IncomingMessage } from 'node:http';
import type { WebSocket, WebSocketServer } from 'ws';
import { adaptOutgoing, CloseCodes } from './transport-ws-messages';
import { MAX_BUFFERED_BYTES } from '../../ws/socket-sender';

/** A socket that has not completed connection_init by then is closed (4408). */
export const CONNECTION_INIT_TIMEOUT_MS = 10_000;

const GRAPHQL_TRANSPORT_WS = 'graphql-transport-ws';

const pathOf = (url: string | undefined): string => (url ?? '/').split('?')[0] ?? '/';

type Send = (data: unknown, ...rest: unknown[]) => void;

/**
 * The GraphQL WebSockets of this gateway, picked out of the shared WebSocket server as
 * they open: the app pings them with its heartbeat and closes them when it stops. Their
 * outgoing messages go through {@link adaptOutgoing}, and the protocol's
 * connection_init timeout is enforced. Like a /ws/chat socket, a socket that stops reading
 * is terminated once more than `maxBufferedBytes` wait to be sent, so a slow subscriber
 * costs bounded memory (its messages are dropped, not queued).
 */
export class GraphqlSockets {
  private readonly open = new Set<WebSocket>();

  constructor(
    private readonly initTimeoutMs = CONNECTION_INIT_TIMEOUT_MS,
    private readonly maxBufferedBytes = MAX_BUFFERED_BYTES,
  ) {}

  /** Watches the sockets `server` opens on `path`; `onOpen` runs for each. */
  watch(server: WebSocketServer, path: string, onOpen: (socket: WebSocket) => void): void {
    server.on('connection', (socket: WebSocket, request: IncomingMessage) => {
      if (pathOf(request.url) !== path) return;
      this.open.add(socket);
      socket.once('close', () => this.open.delete(socket));
      this.bound(socket);
      if (socket.protocol === GRAPHQL_TRANSPORT_WS) this.adapt(socket);
      onOpen(socket);
    });
  }

  all(): WebSocket[] {
    return [...this.open];
  }

  /** Drops (terminates) a socket whose unsent data passed the bound instead of queueing more. */
  private bound(socket: WebSocket): void {
    const send = socket.send.bind(socket) as Send;
    const bounded: Send = (data, ...rest) => {
      if (socket.bufferedAmount > this.maxBufferedBytes) {
        socket.terminate();
        (rest.find((arg) => typeof arg === 'function') as ((error?: Error) => void) | undefined)?.(new Error('slow reader dropped'));
        return;
      }
      send(data, ...rest);
    };
    socket.send = bounded as WebSocket['send'];
  }

  private adapt(socket: WebSocket): void {
    const timer = setTimeout(() => socket.close(CloseCodes.initTimeout, 'Connection initialisation timeout'), this.initTimeoutMs);
    timer.unref();
    socket.once('close', () => clearTimeout(timer));
    const send = socket.send.bind(socket) as Send;
    const adapted: Send = (data, ...rest) => {
      if (typeof data !== 'string') return send(data, ...rest);
      const outgoing = adaptOutgoing(data);
      if (outgoing.action === 'close') {
        socket.close(outgoing.code, outgoing.reason);
        (rest.find((arg) => typeof arg === 'function') as (() => void) | undefined)?.();
        return;
      }
      if (outgoing.acknowledges) clearTimeout(timer);
      send(outgoing.text, ...rest);
    };
    socket.send = adapted as WebSocket['send'];
  }
}
