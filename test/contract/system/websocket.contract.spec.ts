import {
  ackBody, anId, ChatSocket, createRoom, errorBody, gateway, isoTimestamp, joinRoom, newUser, newUsers, NO_SUCH_ROOM_ID,
  NO_SUCH_USER_ID, privateHistory, roomHistory, uniqueText, type TestUser,
} from '@chatterroom/test/harness/system';

describe('/ws/chat: connecting', () => {
  it('accepts the token in the Authorization header and greets with {type: ready, userId}', async () => {
    const alice = await newUser();
    const socket = await alice.ws({ via: 'header' });
    expect(socket.ready).toEqual({ type: 'ready', userId: alice.userId, cursor: expect.any(String) });
  });

  it('accepts the token as ?token=', async () => {
    const alice = await newUser();
    const socket = await alice.ws({ via: 'query' });
    expect(socket.ready).toEqual({ type: 'ready', userId: alice.userId, cursor: expect.any(String) });
  });

  it('refuses the upgrade with HTTP 401 without a token', async () => {
    expect(await ChatSocket.rejectedStatus(gateway(0).wsUrl)).toBe(401);
  });

  it.each(['header', 'query'] as const)('refuses the upgrade with HTTP 401 for a bad token in the %s', async (via) => {
    expect(await ChatSocket.rejectedStatus(gateway(0).wsUrl, { token: 'not.a.token', via })).toBe(401);
  });

  it('refuses the upgrade with HTTP 401 for a token with a forged payload', async () => {
    const [alice, bob] = (await newUsers(2)) as [TestUser, TestUser];
    const [header, payload, signature] = alice.token.split('.') as [string, string, string];
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
    const forged = Buffer.from(JSON.stringify({ ...claims, sub: String(bob.userId) })).toString('base64url');
    expect(await ChatSocket.rejectedStatus(gateway(1).wsUrl, { token: `${header}.${forged}.${signature}` })).toBe(401);
  });
});

describe('/ws/chat: frames', () => {
  it('answers ping with pong carrying the same id', async () => {
    const socket = await (await newUser()).ws();
    expect(await socket.request({ type: 'ping', id: 'ping-1' })).toEqual({ type: 'pong', id: 'ping-1' });
  });

  it('private.send: acks with the HTTP body and stores the message', async () => {
    const [alice, bob] = (await newUsers(2)) as [TestUser, TestUser];
    const socket = await alice.ws();
    const text = uniqueText();
    const reply = await socket.request({ type: 'private.send', to: bob.userId, message: text });
    expect(reply).toMatchObject({ type: 'ack', id: expect.any(String) });
    expect(ackBody(reply)).toEqual({
      messageId: anId(),
      senderId: alice.userId,
      recipientId: bob.userId,
      message: text,
      timestamp: isoTimestamp(),
      seq: 1,
    });
    expect((await privateHistory(bob, alice)).map((entry) => entry.messageId)).toEqual([ackBody(reply).messageId]);
  });

  it('room.create, room.join, room.send, room.leave: ack with the HTTP bodies', async () => {
    const [alice, bob] = (await newUsers(2)) as [TestUser, TestUser];
    const aliceSocket = await alice.ws();
    const bobSocket = await bob.ws();
    const name = uniqueText('ws room');
    const created = ackBody(await aliceSocket.request({ type: 'room.create', name }));
    expect(created).toEqual({ roomId: expect.any(Number), name });
    const { roomId } = created;
    expect(ackBody(await bobSocket.request({ type: 'room.join', roomId }))).toEqual({ roomId, userId: bob.userId, joined: true });
    const text = uniqueText();
    expect(ackBody(await bobSocket.request({ type: 'room.send', roomId, message: text }))).toEqual({
      messageId: anId(),
      roomId,
      senderId: bob.userId,
      message: text,
      timestamp: isoTimestamp(),
      seq: 1,
    });
    expect(ackBody(await bobSocket.request({ type: 'room.leave', roomId }))).toEqual({ roomId, userId: bob.userId, joined: false });
    expect((await roomHistory(alice, roomId)).map((entry) => entry.message)).toEqual([text]);
    expect((await alice.http.get(`/rooms/${roomId}`)).body.members).toEqual([alice.userId]);
  });

  it.each([
    ['private.send to an unknown user', () => ({ type: 'private.send', to: NO_SUCH_USER_ID, message: 'hi' }), 'CHAT_RECIPIENT_NOT_FOUND'],
    ['private.send without a recipient', () => ({ type: 'private.send', message: 'hi' }), 'VALIDATION_FAILED'],
    ['private.send with a recipient that is not an id', () => ({ type: 'private.send', to: 'bob', message: 'hi' }), 'VALIDATION_FAILED'],
    ['private.send with an empty message', (bob: TestUser) => ({ type: 'private.send', to: bob.userId, message: '' }), 'VALIDATION_FAILED'],
    ['private.send with a message of 4001 characters', (bob: TestUser) => ({ type: 'private.send', to: bob.userId, message: 'z'.repeat(4001) }), 'VALIDATION_FAILED'],
    ['room.create with an empty name', () => ({ type: 'room.create', name: '' }), 'VALIDATION_FAILED'],
    ['room.join of an unknown room', () => ({ type: 'room.join', roomId: NO_SUCH_ROOM_ID }), 'CHAT_ROOM_NOT_FOUND'],
    ['room.leave of an unknown room', () => ({ type: 'room.leave', roomId: NO_SUCH_ROOM_ID }), 'CHAT_ROOM_NOT_FOUND'],
    ['room.send to an unknown room', () => ({ type: 'room.send', roomId: NO_SUCH_ROOM_ID, message: 'hi' }), 'CHAT_ROOM_NOT_FOUND'],
    ['room.join with a roomId that is not an id', () => ({ type: 'room.join', roomId: -3 }), 'VALIDATION_FAILED'],
    ['an unknown frame type', () => ({ type: 'dance' }), 'UNKNOWN_FRAME_TYPE'],
  ])('%s: answers an error frame with the code, and the socket stays open', async (_label, makeFrame, code) => {
    const [alice, bob] = (await newUsers(2)) as [TestUser, TestUser];
    const socket = await alice.ws();
    const reply = await socket.request(makeFrame(bob));
    expect(reply).toEqual({ type: 'error', id: expect.any(String), code, message: expect.any(String) });
    expect(errorBody(reply).code).toBe(code);
    expect((await socket.request({ type: 'ping' })).type).toBe('pong');
  });

  it('room.send by a non-member: error CHAT_NOT_A_ROOM_MEMBER', async () => {
    const [alice, bob] = (await newUsers(2)) as [TestUser, TestUser];
    const roomId = await createRoom(alice);
    const socket = await bob.ws();
    expect(errorBody(await socket.request({ type: 'room.send', roomId, message: 'hi' })).code).toBe('CHAT_NOT_A_ROOM_MEMBER');
    await joinRoom(bob, roomId);
    expect(ackBody(await socket.request({ type: 'room.send', roomId, message: 'hi' })).roomId).toBe(roomId);
  });

  it('malformed JSON: error INVALID_JSON, and the socket stays open', async () => {
    const socket = await (await newUser()).ws();
    socket.sendRaw('{"type": "ping", oops');
    const error = await socket.next((frame) => frame.type === 'error');
    expect(error).toMatchObject({ type: 'error', code: 'INVALID_JSON', message: expect.any(String) });
    expect(await socket.request({ type: 'ping', id: 'after-bad-json' })).toEqual({ type: 'pong', id: 'after-bad-json' });
    expect(socket.isOpen).toBe(true);
  });

  it('a frame that is not an object: error VALIDATION_FAILED, and the socket stays open', async () => {
    const socket = await (await newUser()).ws();
    socket.sendRaw('[1, 2, 3]');
    expect(await socket.next((frame) => frame.type === 'error')).toMatchObject({ code: 'VALIDATION_FAILED' });
    expect((await socket.request({ type: 'ping' })).type).toBe('pong');
  });

  it('answers frames in the order they were sent', async () => {
    const [alice, bob] = (await newUsers(2)) as [TestUser, TestUser];
    const socket = await alice.ws();
    const texts = [uniqueText('one'), uniqueText('two'), uniqueText('three')];
    const replies = await Promise.all(texts.map((message) => socket.request({ type: 'private.send', to: bob.userId, message })));
    expect(replies.map((reply) => ackBody(reply).seq)).toEqual([1, 2, 3]);
    expect((await privateHistory(alice, bob)).map((entry) => entry.message)).toEqual(texts);
  });

  it('closes the socket with code 1009 on a frame over 64 KiB', async () => {
    const socket = await (await newUser()).ws();
    socket.sendRaw(JSON.stringify({ type: 'ping', padding: 'p'.repeat(65 * 1024) }));
    expect((await socket.closed).code).toBe(1009);
  });
});
