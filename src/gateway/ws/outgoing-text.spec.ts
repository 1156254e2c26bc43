import { createServer, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { WebSocket, WebSocketServer } from 'ws';
import { ConnectionRegistry } from './connection-registry';
import { OutgoingText } from './outgoing-text';
import { sendText } from './socket-sender';

const silent = { debug: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined } as never;

/** A real ws server on loopback; resolves with the server side of one connected client, its TCP socket and the client. */
const connectPair = async (perMessageDeflate: boolean) => {
  const http: Server = createServer();
  const wss = new WebSocketServer({ server: http, perMessageDeflate });
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  const serverSide = new Promise<{ socket: WebSocket; transport: Socket }>((resolve) =>
    wss.on('connection', (socket, request) => resolve({ socket, transport: request.socket })));
  const client = new WebSocket(`ws://127.0.0.1:${(http.address() as AddressInfo).port}`, { perMessageDeflate });
  const received: string[] = [];
  client.on('message', (data: Buffer) => received.push(data.toString('utf8')));
  await new Promise((resolve) => client.once('open', resolve));
  const close = async () => {
    client.terminate();
    wss.close();
    await new Promise((resolve) => http.close(resolve));
  };
  return { ...(await serverSide), client, received, close };
};

const until = async (check: () => boolean): Promise<void> => {
  while (!check()) await new Promise((resolve) => setTimeout(resolve, 5));
};

describe('OutgoingText', () => {
  it('frames its payload once as an unmasked, final text frame', () => {
    const text = OutgoingText.of({ type: 'message', n: 1 });
    expect(text.payload.toString()).toBe('{"type":"message","n":1}');
    expect([...text.framed.subarray(0, 2)]).toEqual([0x81, text.payload.length]);
    expect(text.framed.subarray(2)).toEqual(text.payload);
    expect(text.framed).toBe(text.framed);
  });

  it('uses a 16-bit length past 125 bytes', () => {
    const text = new OutgoingText(Buffer.alloc(300, 'a'));
    expect([...text.framed.subarray(0, 4)]).toEqual([0x81, 126, 300 >> 8, 300 & 0xff]);
    expect(text.framed.length).toBe(304);
  });
});

describe('sendText with an OutgoingText', () => {
  it('writes the ready-made frame to the transport, in order with frames ws sends itself', async () => {
    const pair = await connectPair(false);
    try {
      const shared = OutgoingText.of({ type: 'message', n: 2 });
      sendText(pair.socket, 'first', silent);
      sendText(pair.socket, shared, silent, pair.transport);
      sendText(pair.socket, 'third', silent);
      sendText(pair.socket, shared, silent, pair.transport);
      await until(() => pair.received.length === 4);
      expect(pair.received).toEqual(['first', '{"type":"message","n":2}', 'third', '{"type":"message","n":2}']);
    } finally {
      await pair.close();
    }
  });

  it('is written to the transport the registry keeps for a socket without extensions', async () => {
    const pair = await connectPair(false);
    try {
      const connections = new ConnectionRegistry();
      connections.add(7, pair.socket, pair.transport);
      expect(connections.transportOf(pair.socket)).toBe(pair.transport);
      const written = jest.spyOn(pair.transport, 'write');
      sendText(pair.socket, OutgoingText.of({ type: 'message', n: 4 }), silent, connections.transportOf(pair.socket));
      await until(() => pair.received.length === 1);
      expect(pair.received).toEqual(['{"type":"message","n":4}']);
      expect(written).toHaveBeenCalledTimes(1);
    } finally {
      await pair.close();
    }
  });

  it('lets ws frame it when the socket negotiated compression: the registry keeps no transport for it', async () => {
    const pair = await connectPair(true);
    try {
      expect(pair.socket.extensions).not.toBe('');
      const connections = new ConnectionRegistry();
      connections.add(7, pair.socket, pair.transport);
      expect(connections.transportOf(pair.socket)).toBeUndefined();
      sendText(pair.socket, OutgoingText.of({ type: 'message', n: 3 }), silent, connections.transportOf(pair.socket));
      await until(() => pair.received.length === 1);
      expect(pair.received).toEqual(['{"type":"message","n":3}']);
    } finally {
      await pair.close();
    }
  });

  it('skips a socket that is no longer open', async () => {
    const pair = await connectPair(false);
    try {
      pair.socket.close();
      const written = jest.spyOn(pair.transport, 'write');
      sendText(pair.socket, OutgoingText.of({ type: 'message' }), silent, pair.transport);
      expect(written).not.toHaveBeenCalled();
    } finally {
      await pair.close();
    }
  });
});
