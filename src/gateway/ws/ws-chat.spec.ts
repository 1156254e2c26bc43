import type { AddressInfo } from 'node:net';
import { MESSAGE_POSTED_V1 } from '@chatterroom/chat/contracts';
import { createEvent } from '@chatterroom/kernel';
import { signUp, startGatewayTestKit, type GatewayTestKit } from '@chatterroom/test/kits/gateway/gateway-test-kit';
import { WsTestClient } from '@chatterroom/test/kits/gateway/ws-test-client';

describe('/ws/chat', () => {
  let kit: GatewayTestKit;
  let url: string;
  let base: string;
  const clients: WsTestClient[] = [];

  const connect = async (user: { token: string }, how: 'header' | 'query' = 'header') => {
    const { client, ready } =
      how === 'header'
        ? await WsTestClient.connect(url, { authorization: `Bearer ${user.token}` })
        : await WsTestClient.connect(`${url}?token=${encodeURIComponent(user.token)}`);
    clients.push(client);
    return { client, ready };
  };

  const post = async (path: string, user: { token: string }, body: object = {}) => {
    const response = await fetch(`${base}${path}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${user.token}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    return (await response.json()) as Record<string, unknown>;
  };

  beforeEach(async () => {
    kit = await startGatewayTestKit();
    await kit.app.listen({ host: '127.0.0.1', port: 0 });
    const { port } = kit.app.server.address() as AddressInfo;
    base = `http://127.0.0.1:${port}`;
    url = `ws://127.0.0.1:${port}/ws/chat`;
  });

  afterEach(async () => {
    for (const client of clients.splice(0)) client.close();
    await kit.app.close();
  });

  describe('authentication on upgrade', () => {
    it('refuses a missing token with 401 and the error body, before the upgrade', async () => {
      const refusal = await WsTestClient.refusal(url);
      expect(refusal).toEqual({
        statusCode: 401,
        body: { statusCode: 401, code: 'AUTH_MISSING_TOKEN', error: 'Unauthorized', message: expect.any(String) },
      });
    });

    it('refuses a bad token with 401 AUTH_INVALID_TOKEN, in the header or the query', async () => {
      expect(await WsTestClient.refusal(url, { authorization: 'Bearer nope' })).toMatchObject({
        statusCode: 401,
        body: { code: 'AUTH_INVALID_TOKEN' },
      });
      expect(await WsTestClient.refusal(`${url}?token=nope`)).toMatchObject({ statusCode: 401, body: { code: 'AUTH_INVALID_TOKEN' } });
    });

    it('accepts a token in the Authorization header or in ?token=, and says ready', async () => {
      const alice = await signUp(kit.users);
      expect((await connect(alice, 'header')).ready).toEqual({ type: 'ready', userId: alice.userId, cursor: expect.any(String) });
      expect((await connect(alice, 'query')).ready).toEqual({ type: 'ready', userId: alice.userId, cursor: expect.any(String) });
    });

    it('answers a plain GET (no upgrade) with 400 UPGRADE_REQUIRED', async () => {
      const alice = await signUp(kit.users);
      const response = await fetch(`${base}/ws/chat`, { headers: { authorization: `Bearer ${alice.token}` } });
      expect(response.status).toBe(400);
      expect(await response.json()).toMatchObject({ statusCode: 400, code: 'UPGRADE_REQUIRED' });
    });
  });

  describe('client frames', () => {
    let client: WsTestClient;
    let alice: Awaited<ReturnType<typeof signUp>>;
    let bob: Awaited<ReturnType<typeof signUp>>;

    beforeEach(async () => {
      alice = await signUp(kit.users, 'alice');
      bob = await signUp(kit.users, 'bob');
      client = (await connect(alice)).client;
    });

    it('answers ping with pong, echoing the id', async () => {
      expect(await client.request({ type: 'ping', id: 7 })).toEqual({ type: 'pong', id: 7 });
      expect(await client.request({ type: 'ping' })).toEqual({ type: 'pong' });
    });

    it.each([
      ['{not json', { code: 'INVALID_JSON' }],
      ['[1,2]', { code: 'VALIDATION_FAILED' }],
      ['"text"', { code: 'VALIDATION_FAILED' }],
      ['{"id":"a1"}', { id: 'a1', code: 'VALIDATION_FAILED' }],
      ['{"type":"nope","id":"a2"}', { id: 'a2', code: 'UNKNOWN_FRAME_TYPE' }],
      ['{"type":"constructor","id":3}', { id: 3, code: 'UNKNOWN_FRAME_TYPE' }],
      ['{"type":"ping","id":{"x":1}}', { code: 'VALIDATION_FAILED' }],
      ['{"type":"private.send","id":"a3","message":"hi"}', { id: 'a3', code: 'VALIDATION_FAILED' }],
      ['{"type":"private.send","id":"a4","to":"2","message":"hi"}', { id: 'a4', code: 'VALIDATION_FAILED' }],
      ['{"type":"room.create","id":"a5","name":5}', { id: 'a5', code: 'VALIDATION_FAILED' }],
    ])('answers %s with an error frame and keeps the socket open', async (text, expected) => {
      const reply = await client.request(text);
      expect(reply).toMatchObject({ type: 'error', ...expected, message: expect.any(String) });
      expect(await client.request({ type: 'ping', id: 'still-open' })).toEqual({ type: 'pong', id: 'still-open' });
    });

    it('names the bad field in the error message', async () => {
      const reply = await client.request({ type: 'private.send', id: 1, to: bob.userId, message: 42 });
      expect(reply).toMatchObject({ type: 'error', id: 1, code: 'VALIDATION_FAILED' });
      expect(reply.message).toContain('message');
    });

    it('answers a binary frame with an error frame and keeps the socket open', async () => {
      client.socket.send(Buffer.from([1, 2, 3]));
      expect(await client.next()).toMatchObject({ type: 'error', code: 'UNSUPPORTED_MEDIA_TYPE' });
      expect(await client.request({ type: 'ping' })).toEqual({ type: 'pong' });
    });

    it('acks private.send with the same body as POST /chats/private/{id}', async () => {
      const ack = await client.request({ type: 'private.send', id: 'p1', to: bob.userId, message: 'hi bob', clientMessageId: 'k-1' });
      expect(ack).toEqual({
        type: 'ack',
        id: 'p1',
        result: {
          messageId: expect.any(String),
          senderId: alice.userId,
          recipientId: bob.userId,
          message: 'hi bob',
          timestamp: expect.any(String),
          seq: 1,
          clientMessageId: 'k-1',
        },
      });
      const viaHttp = await post(`/chats/private/${bob.userId}`, alice, { message: 'hi bob', clientMessageId: 'k-1' });
      expect(viaHttp).toEqual((ack.result as object));
    });

    it('answers a failing operation with its error code and the frame id', async () => {
      const reply = await client.request({ type: 'private.send', id: 'p2', to: 999999, message: 'anyone?' });
      expect(reply).toEqual({ type: 'error', id: 'p2', code: 'CHAT_RECIPIENT_NOT_FOUND', message: expect.any(String) });
    });

    it('hides unexpected failures behind INTERNAL_ERROR and keeps going', async () => {
      jest.spyOn(kit.chat, 'createRoom').mockRejectedValueOnce(new Error('disk on fire'));
      const reply = await client.request({ type: 'room.create', id: 'r0', name: 'Boom' });
      expect(reply).toMatchObject({ type: 'error', id: 'r0', code: 'INTERNAL_ERROR' });
      expect(JSON.stringify(reply)).not.toContain('disk on fire');
      expect(await client.request({ type: 'ping' })).toEqual({ type: 'pong' });
    });

    it('creates, joins, sends to and leaves rooms, acking each with the HTTP body', async () => {
      const created = await client.request({ type: 'room.create', id: 'r1', name: 'Den' });
      expect(created).toEqual({ type: 'ack', id: 'r1', result: { roomId: expect.any(Number), name: 'Den' } });
      const roomId = (created.result as { roomId: number }).roomId;

      const bobClient = (await connect(bob)).client;
      expect(await bobClient.request({ type: 'room.send', id: 'b1', roomId, message: 'hey' })).toMatchObject({
        type: 'error',
        id: 'b1',
        code: 'CHAT_NOT_A_ROOM_MEMBER',
      });
      bobClient.send({ type: 'room.join', id: 'b2', roomId });
      const bobFrames = [await bobClient.next(), await bobClient.next()];
      expect(bobFrames).toEqual(
        expect.arrayContaining([
          { type: 'ack', id: 'b2', result: { roomId, userId: bob.userId, joined: true } },
          { type: 'room.joined', roomId, userId: bob.userId, cursor: expect.any(String) },
        ]),
      );
      expect(await client.next()).toEqual({ type: 'room.joined', roomId, userId: bob.userId, cursor: expect.any(String) });

      bobClient.send({ type: 'room.leave', id: 'b3', roomId });
      expect([await bobClient.next(), await bobClient.next()]).toEqual(
        expect.arrayContaining([
          { type: 'ack', id: 'b3', result: { roomId, userId: bob.userId, joined: false } },
          { type: 'room.left', roomId, userId: bob.userId, cursor: expect.any(String) },
        ]),
      );
      expect(await client.next()).toEqual({ type: 'room.left', roomId, userId: bob.userId, cursor: expect.any(String) });
      expect(await client.request({ type: 'room.join', id: 'x', roomId: 999999 })).toMatchObject({
        type: 'error',
        id: 'x',
        code: 'CHAT_ROOM_NOT_FOUND',
      });
    });

    it('runs one socket\'s operations in the order they were sent', async () => {
      for (let i = 1; i <= 5; i += 1) client.send({ type: 'private.send', id: i, to: bob.userId, message: `m${i}` });
      const replies = [];
      while (replies.length < 5) {
        const frame = await client.next();
        if (frame.type === 'ack') replies.push(frame);
      }
      expect(replies.map((frame) => [frame.id, (frame.result as { seq: number }).seq])).toEqual([
        [1, 1],
        [2, 2],
        [3, 3],
        [4, 4],
        [5, 5],
      ]);
    });

    it('closes the socket with 1009 when a frame is larger than 64 KiB', async () => {
      client.send(JSON.stringify({ type: 'ping', padding: 'x'.repeat(64 * 1024) }));
      expect((await client.closed).code).toBe(1009);
    });
  });

  describe('resume', () => {
    const connectSince = async (user: { token: string }, since: string) => {
      const { client, ready } = await WsTestClient.connect(`${url}?since=${encodeURIComponent(since)}`, { authorization: `Bearer ${user.token}` });
      clients.push(client);
      return { client, ready };
    };

    it('replays what was missed after the cursor, in order, says resumed, then goes on live', async () => {
      const alice = await signUp(kit.users, 'alice');
      const bob = await signUp(kit.users, 'bob');
      const { client: first, ready } = await connect(bob);
      const cursor = ready.cursor as string;
      first.close();
      await post(`/chats/private/${bob.userId}`, alice, { message: 'one' });
      await post(`/chats/private/${bob.userId}`, alice, { message: 'two' });
      const { client, ready: again } = await connectSince(bob, cursor);
      expect(again).toEqual({ type: 'ready', userId: bob.userId, cursor });
      expect(await client.next()).toMatchObject({ type: 'message', message: { message: 'one' }, cursor: expect.any(String) });
      const second = await client.next();
      expect(second).toMatchObject({ type: 'message', message: { message: 'two' } });
      expect(await client.next()).toEqual({ type: 'resumed', cursor: second.cursor, replayed: 2 });
      await post(`/chats/private/${bob.userId}`, alice, { message: 'three' });
      expect(await client.next()).toMatchObject({ type: 'message', message: { message: 'three' } });
    });

    it('replays an event the bus never delivered', async () => {
      const bob = await signUp(kit.users, 'bob');
      const { client: first, ready } = await connect(bob);
      first.close();
      const message = { messageId: 'lost', kind: 'private', senderId: bob.userId, recipientId: bob.userId, message: 'lost', timestamp: new Date().toISOString(), seq: 1 };
      kit.chat.recordUnpublished(MESSAGE_POSTED_V1, { message, audience: [bob.userId] });
      const { client } = await connectSince(bob, ready.cursor as string);
      expect(await client.next()).toMatchObject({ type: 'message', message: { messageId: 'lost' } });
      expect(await client.next()).toMatchObject({ type: 'resumed', replayed: 1 });
    });

    it('replays on a resume frame what was not already sent live, acking where it ended', async () => {
      const alice = await signUp(kit.users, 'alice');
      const bob = await signUp(kit.users, 'bob');
      const { client: first, ready } = await connect(bob);
      first.close();
      await post(`/chats/private/${bob.userId}`, alice, { message: 'missed' });
      const { client } = await connect(bob);
      await post(`/chats/private/${bob.userId}`, alice, { message: 'live' });
      expect(await client.next()).toMatchObject({ type: 'message', message: { message: 'live' } });
      client.send({ type: 'resume', id: 'r', since: ready.cursor });
      expect(await client.next()).toMatchObject({ type: 'message', message: { message: 'missed' } });
      expect(await client.next()).toEqual({ type: 'ack', id: 'r', result: { cursor: expect.any(String), replayed: 1 } });
    });

    it('catches every socket up from its last event when the bus resumes after losing its connection', async () => {
      const alice = await signUp(kit.users, 'alice');
      const bob = await signUp(kit.users, 'bob');
      const { client } = await connect(bob);
      await post(`/chats/private/${bob.userId}`, alice, { message: 'seen live' });
      expect(await client.next()).toMatchObject({ message: { message: 'seen live' } });
      const message = { messageId: 'missed', kind: 'private', senderId: alice.userId, recipientId: bob.userId, message: 'missed', timestamp: new Date().toISOString(), seq: 2 };
      kit.chat.recordUnpublished(MESSAGE_POSTED_V1, { message, audience: [alice.userId, bob.userId] });
      const chatSubscription = kit.bus.subscriptions.find(({ subscription }) => subscription.types.includes('chat.*'));
      chatSubscription?.subscription.onResumed?.();
      expect(await client.next()).toMatchObject({ type: 'message', message: { messageId: 'missed' } });
      await post(`/chats/private/${bob.userId}`, alice, { message: 'after' });
      expect(await client.next()).toMatchObject({ message: { message: 'after' } });
    });

    it('refuses a since that is not a cursor before the upgrade', async () => {
      const bob = await signUp(kit.users, 'bob');
      expect(await WsTestClient.refusal(`${url}?since=nonsense`, { authorization: `Bearer ${bob.token}` })).toEqual({
        statusCode: 400,
        body: expect.objectContaining({ code: 'SYNC_CURSOR_INVALID' }),
      });
    });
  });

  describe('pushes', () => {
    it('pushes a message to every socket of each user in the audience, and to nobody else', async () => {
      const alice = await signUp(kit.users, 'alice');
      const bob = await signUp(kit.users, 'bob');
      const carol = await signUp(kit.users, 'carol');
      const alicePhone = (await connect(alice)).client;
      const aliceLaptop = (await connect(alice, 'query')).client;
      const bobClient = (await connect(bob)).client;
      const carolClient = (await connect(carol)).client;

      const sent = await post(`/chats/private/${bob.userId}`, alice, { message: 'psst', clientMessageId: 'secret-key' });
      const expected = {
        type: 'message',
        message: {
          messageId: sent.messageId,
          kind: 'private',
          senderId: alice.userId,
          recipientId: bob.userId,
          message: 'psst',
          timestamp: sent.timestamp,
          seq: 1,
        },
        cursor: expect.any(String),
      };
      expect(await bobClient.next()).toEqual(expected);
      expect(await alicePhone.next()).toEqual(expected);
      expect(await aliceLaptop.next()).toEqual(expected);

      await post(`/chats/private/${carol.userId}`, bob, { message: 'for carol' });
      expect(await carolClient.next()).toMatchObject({ type: 'message', message: { message: 'for carol', recipientId: carol.userId } });
    });

    it('pushes room messages to the room members at the time, not to those who left', async () => {
      const alice = await signUp(kit.users, 'alice');
      const bob = await signUp(kit.users, 'bob');
      const { roomId } = (await post('/rooms/create', alice, { name: 'Room' })) as { roomId: number };
      await post(`/rooms/${roomId}/join`, bob);
      const aliceClient = (await connect(alice)).client;
      const bobClient = (await connect(bob)).client;

      await post(`/chats/room/${roomId}`, alice, { message: 'to both' });
      for (const client of [aliceClient, bobClient]) {
        expect(await client.next()).toMatchObject({ type: 'message', message: { kind: 'room', roomId, message: 'to both' } });
      }
      await post(`/rooms/${roomId}/leave`, bob);
      expect(await bobClient.next()).toEqual({ type: 'room.left', roomId, userId: bob.userId, cursor: expect.any(String) });
      expect(await aliceClient.next()).toEqual({ type: 'room.left', roomId, userId: bob.userId, cursor: expect.any(String) });

      await post(`/chats/room/${roomId}`, alice, { message: 'alice only' });
      expect(await aliceClient.next()).toMatchObject({ type: 'message', message: { message: 'alice only' } });
      await post(`/chats/private/${bob.userId}`, alice, { message: 'marker' });
      expect(await bobClient.next()).toMatchObject({ type: 'message', message: { message: 'marker' } });
    });

    it('pushes an event only once when the bus delivers it twice', async () => {
      const alice = await signUp(kit.users);
      const client = (await connect(alice)).client;
      const message = { messageId: 'dup', kind: 'private', senderId: alice.userId, recipientId: alice.userId, message: 'once', timestamp: new Date().toISOString(), seq: 1 };
      const event = createEvent(MESSAGE_POSTED_V1, { message, audience: [alice.userId] });
      await kit.bus.publish(event);
      await kit.bus.publish(event);
      await kit.bus.publish(createEvent(MESSAGE_POSTED_V1, { message: { ...message, messageId: 'next', message: 'marker' }, audience: [alice.userId] }));
      expect(await client.next()).toMatchObject({ type: 'message', message: { messageId: 'dup' } });
      expect(await client.next()).toMatchObject({ type: 'message', message: { messageId: 'next' } });
    });

    it('ignores malformed and unknown chat events', async () => {
      const alice = await signUp(kit.users);
      const client = (await connect(alice)).client;
      await kit.bus.publish(createEvent(MESSAGE_POSTED_V1, { audience: 'everyone' }));
      await kit.bus.publish(createEvent('chat.something-new.v1', { audience: [alice.userId] }));
      await kit.bus.publish(createEvent(MESSAGE_POSTED_V1, { message: null, audience: [alice.userId] }));
      await post(`/chats/private/${alice.userId}`, alice, { message: 'note to self' });
      expect(await client.next()).toMatchObject({ type: 'message', message: { message: 'note to self' } });
    });

    it('stops pushing to a socket once it closed, and keeps pushing to the others', async () => {
      const alice = await signUp(kit.users);
      const first = (await connect(alice)).client;
      const second = (await connect(alice)).client;
      first.close();
      await first.closed;
      await post(`/chats/private/${alice.userId}`, alice, { message: 'after close' });
      expect(await second.next()).toMatchObject({ type: 'message', message: { message: 'after close' } });
    });
  });

  it('keeps ?token= out of the logs', async () => {
    const lines: string[] = [];
    const pino = (await import('pino')).default;
    const logged = await startGatewayTestKit({ logger: pino({ level: 'info' }, { write: (line: string) => lines.push(line) }) });
    await logged.app.listen({ host: '127.0.0.1', port: 0 });
    const { port } = logged.app.server.address() as AddressInfo;
    const alice = await signUp(logged.users);
    const { client } = await WsTestClient.connect(`ws://127.0.0.1:${port}/ws/chat?token=${alice.token}`);
    client.close();
    await client.closed;
    await logged.app.close();
    expect(lines.join('\n')).toContain('/ws/chat?token=[redacted]');
    expect(lines.join('\n')).not.toContain(alice.token);
  });

  it('closes every socket with 1001 when the app closes', async () => {
    const alice = await signUp(kit.users);
    const { client } = await connect(alice);
    const closing = kit.app.close();
    expect((await client.closed).code).toBe(1001);
    await closing;
  });
});
