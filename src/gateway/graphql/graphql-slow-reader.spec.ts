import type { AddressInfo } from 'node:net';
import WebSocket, { WebSocketServer } from 'ws';
import { MAX_BUFFERED_BYTES } from '../ws/socket-sender';
import { GraphqlSockets } from './subscriptions/graphql-sockets';

describe('GraphQL sockets of a client that stops reading', () => {
  it('are terminated once more than MAX_BUFFERED_BYTES wait, never buffering past that', async () => {
    const server = new WebSocketServer({ host: '127.0.0.1', port: 0 });
    await new Promise((resolve) => server.once('listening', resolve));
    const sockets = new GraphqlSockets();
    const opened = new Promise<WebSocket>((resolve) => sockets.watch(server, '/graphql', resolve));
    const client = new WebSocket(`ws://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`, 'graphql-transport-ws');
    await new Promise((resolve) => client.once('open', resolve));
    const socket = await opened;
    (client as unknown as { _socket: { pause(): void } })._socket.pause();

    const chunk = JSON.stringify({ id: '1', type: 'next', payload: { data: { messageAdded: { message: 'x'.repeat(64 * 1024) } } } });
    let highest = 0;
    for (let sent = 0; sent < 2_000 && socket.readyState === WebSocket.OPEN; sent += 1) {
      socket.send(chunk);
      highest = Math.max(highest, socket.bufferedAmount);
      await new Promise((resolve) => setImmediate(resolve));
    }
    expect(socket.readyState).not.toBe(WebSocket.OPEN);
    expect(highest).toBeLessThanOrEqual(MAX_BUFFERED_BYTES + chunk.length + 64);
    client.terminate();
    await new Promise((resolve) => server.close(resolve));
  });
});
