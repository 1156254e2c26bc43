import { once } from 'node:events';
import { createServer } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { WebSocket, WebSocketServer } from 'ws';
import { MESSAGE_POSTED_V1 } from '@chatterroom/chat/contracts';
import { createEvent, silentLogger, type IntegrationEvent } from '@chatterroom/kernel';
import { FakeEventBus } from '@chatterroom/test/kits/gateway/fake-event-bus';
import { ChatEventFanOut } from './chat-event-fan-out';
import { ConnectionRegistry } from './connection-registry';

const posted = (seq = 1, audience: number[] = [1, 2]) =>
  createEvent(MESSAGE_POSTED_V1, {
    message: { messageId: `m${seq}`, kind: 'private', senderId: 1, recipientId: 2, message: 'hi', timestamp: '2024-01-01T00:00:00.000Z', seq },
    audience,
  });

describe('ChatEventFanOut listeners', () => {
  it('hand each event to every listener once, even when the bus delivers it again', () => {
    const seen: IntegrationEvent[] = [];
    const fanOut = new ChatEventFanOut({
      eventBus: new FakeEventBus(),
      connections: new ConnectionRegistry(),
      logger: silentLogger,
      listeners: [(event) => seen.push(event)],
    });
    const event = posted();
    fanOut.deliver(event);
    fanOut.deliver(event);
    fanOut.deliver(posted());
    expect(seen.map((received) => received.id)).toEqual([event.id, expect.not.stringMatching(event.id)]);
  });

  it('keeps going when a listener throws', () => {
    const seen: string[] = [];
    const errors: unknown[] = [];
    const fanOut = new ChatEventFanOut({
      eventBus: new FakeEventBus(),
      connections: new ConnectionRegistry(),
      logger: { ...silentLogger, error: (fields) => errors.push(fields) },
      listeners: [
        () => {
          throw new Error('broken listener');
        },
        (event) => seen.push(event.id),
      ],
    });
    const event = posted();
    fanOut.deliver(event);
    expect(seen).toEqual([event.id]);
    expect(errors).toHaveLength(1);
  });
});

describe('ChatEventFanOut writes', () => {
  it('gets every push to every socket of its audience, in order, however the events are spread over turns and releases', async () => {
    const http = createServer();
    const wss = new WebSocketServer({ server: http });
    http.listen(0, '127.0.0.1');
    await once(http, 'listening');
    const connections = new ConnectionRegistry();
    const accepted = new Promise<void>((resolve) => {
      let count = 0;
      wss.on('connection', (socket, request) => {
        const userId = Number(new URL(request.url ?? '/', 'http://x').searchParams.get('user'));
        connections.add(userId, socket, request.socket as Socket);
        count += 1;
        if (count === 3) resolve();
      });
    });
    const url = (user: number) => `ws://127.0.0.1:${(http.address() as AddressInfo).port}/?user=${user}`;
    const clients = [1, 2, 2].map((user) => ({ user, socket: new WebSocket(url(user)), seqs: [] as number[] }));
    for (const client of clients) client.socket.on('message', (data: Buffer) => client.seqs.push((JSON.parse(data.toString()) as { message: { seq: number } }).message.seq));
    await accepted;
    const fanOut = new ChatEventFanOut({ eventBus: new FakeEventBus(), connections, logger: silentLogger });
    const events = 600;
    for (let seq = 1; seq <= events; seq += 1) {
      fanOut.deliver(posted(seq, seq % 5 === 0 ? [2] : [1, 2]));
      if (seq % 11 === 0) await new Promise<void>((resolve) => setImmediate(resolve));
      else if (seq % 4 === 0) await new Promise<void>((resolve) => process.nextTick(resolve));
    }
    const expected = (user: number) => Array.from({ length: events }, (_, index) => index + 1).filter((seq) => user === 2 || seq % 5 !== 0);
    await Promise.all(clients.map((client) => new Promise<void>((resolve) => {
      const check = () => (client.seqs.length >= expected(client.user).length ? resolve() : setTimeout(check, 5));
      check();
    })));
    for (const client of clients) {
      expect(client.seqs).toEqual(expected(client.user));
      client.socket.terminate();
    }
    wss.close();
    await new Promise((resolve) => http.close(resolve));
  });
});
