import { signUp, startGatewayTestKit, type GatewayTestKit } from '@chatterroom/test/kits/gateway/gateway-test-kit';

describe('chat and rooms routes', () => {
  let kit: GatewayTestKit;
  let alice: Awaited<ReturnType<typeof signUp>>;
  let bob: Awaited<ReturnType<typeof signUp>>;

  beforeEach(async () => {
    kit = await startGatewayTestKit();
    alice = await signUp(kit.users, 'alice');
    bob = await signUp(kit.users, 'bob');
  });
  afterEach(() => kit.app.close());

  const call = (method: 'GET' | 'POST', url: string, headers: Record<string, string>, payload?: object) =>
    kit.app.inject({ method, url, headers, ...(payload === undefined ? {} : { payload }) });

  it('sends a private message: 201 with the message body, clientMessageId echoed', async () => {
    const response = await call('POST', `/chats/private/${bob.userId}`, alice.headers, { message: 'hi', clientMessageId: 'c-1' });
    expect(response.statusCode).toBe(201);
    expect(response.json()).toEqual({
      messageId: expect.any(String),
      senderId: alice.userId,
      recipientId: bob.userId,
      message: 'hi',
      timestamp: expect.any(String),
      seq: 1,
      clientMessageId: 'c-1',
    });
    const plain = await call('POST', `/chats/private/${bob.userId}`, alice.headers, { message: 'again' });
    expect(plain.json()).not.toHaveProperty('clientMessageId');
  });

  it('answers 404 CHAT_RECIPIENT_NOT_FOUND, and 400 for a bad recipient id or message', async () => {
    expect((await call('POST', '/chats/private/999999', alice.headers, { message: 'hi' })).json()).toMatchObject({
      statusCode: 404,
      code: 'CHAT_RECIPIENT_NOT_FOUND',
    });
    expect((await call('POST', '/chats/private/abc', alice.headers, { message: 'hi' })).json()).toMatchObject({
      statusCode: 400,
      code: 'VALIDATION_FAILED',
    });
    const notString = (await call('POST', `/chats/private/${bob.userId}`, alice.headers, { message: 5 })).json();
    expect(notString).toMatchObject({ statusCode: 400, code: 'VALIDATION_FAILED' });
    expect(notString.message).toContain('message');
    const badKey = (await call('POST', `/chats/private/${bob.userId}`, alice.headers, { message: 'x', clientMessageId: 7 })).json();
    expect(badKey.message).toContain('clientMessageId');
  });

  it('reads a private history oldest first with the seed field names, and checks limit', async () => {
    await call('POST', `/chats/private/${bob.userId}`, alice.headers, { message: 'one' });
    await call('POST', `/chats/private/${alice.userId}`, bob.headers, { message: 'two' });
    const history = await call('GET', `/chats/private/${alice.userId}/history`, bob.headers);
    expect(history.statusCode).toBe(200);
    expect(history.json()).toEqual([
      { senderId: alice.userId, message: 'one', timestamp: expect.any(String), messageId: expect.any(String), seq: 1 },
      { senderId: bob.userId, message: 'two', timestamp: expect.any(String), messageId: expect.any(String), seq: 2 },
    ]);
    const limited = await call('GET', `/chats/private/${alice.userId}/history?limit=1`, bob.headers);
    expect(limited.json()).toHaveLength(1);
    for (const limit of ['0', '201', 'x', '2.5']) {
      const bad = await call('GET', `/chats/private/${alice.userId}/history?limit=${limit}`, bob.headers);
      expect(bad.json()).toMatchObject({ statusCode: 400, code: 'VALIDATION_FAILED' });
    }
  });

  it('creates, joins, lists, describes and leaves rooms', async () => {
    const created = await call('POST', '/rooms/create', alice.headers, { name: 'General' });
    expect(created.statusCode).toBe(201);
    const { roomId } = created.json();
    expect(created.json()).toEqual({ roomId: expect.any(Number), name: 'General' });

    const joinedEmpty = await kit.app.inject({ method: 'POST', url: `/rooms/${roomId}/join`, headers: bob.headers });
    expect(joinedEmpty.statusCode).toBe(200);
    expect(joinedEmpty.json()).toEqual({ roomId, userId: bob.userId, joined: true });
    const joinedJsonEmpty = await kit.app.inject({
      method: 'POST',
      url: `/rooms/${roomId}/join`,
      headers: { ...bob.headers, 'content-type': 'application/json' },
      payload: '',
    });
    expect(joinedJsonEmpty.statusCode).toBe(200);
    expect((await call('POST', `/rooms/${roomId}/join`, bob.headers, {})).statusCode).toBe(200);

    expect((await call('GET', '/rooms', bob.headers)).json()).toEqual([{ roomId, name: 'General' }]);
    expect((await call('GET', `/rooms/${roomId}`, bob.headers)).json()).toEqual({
      roomId,
      name: 'General',
      members: [alice.userId, bob.userId],
      visibility: 'public',
      memberCount: 2,
      role: 'member',
    });

    const left = await call('POST', `/rooms/${roomId}/leave`, bob.headers, {});
    expect(left.json()).toEqual({ roomId, userId: bob.userId, joined: false });
    expect((await call('GET', `/rooms/${roomId}`, bob.headers)).json()).toMatchObject({ statusCode: 403, code: 'CHAT_NOT_A_ROOM_MEMBER' });
    expect((await call('GET', '/rooms', bob.headers)).json()).toEqual([]);
  });

  it('answers 404 CHAT_ROOM_NOT_FOUND for joining or leaving a missing room', async () => {
    for (const action of ['join', 'leave']) {
      const response = await call('POST', `/rooms/999999/${action}`, alice.headers);
      expect(response.statusCode).toBe(404);
      expect(response.json()).toMatchObject({ code: 'CHAT_ROOM_NOT_FOUND' });
    }
  });

  it('sends room messages to members only and reads the room history with userId as sender', async () => {
    const { roomId } = (await call('POST', '/rooms/create', alice.headers, { name: 'Team' })).json();
    const sent = await call('POST', `/chats/room/${roomId}`, alice.headers, { message: 'hello team', clientMessageId: 'k1' });
    expect(sent.statusCode).toBe(201);
    expect(sent.json()).toEqual({
      messageId: expect.any(String),
      roomId,
      senderId: alice.userId,
      message: 'hello team',
      timestamp: expect.any(String),
      seq: 1,
      clientMessageId: 'k1',
    });
    const outsider = await call('POST', `/chats/room/${roomId}`, bob.headers, { message: 'let me in' });
    expect(outsider.statusCode).toBe(403);
    expect(outsider.json()).toMatchObject({ statusCode: 403, code: 'CHAT_NOT_A_ROOM_MEMBER', error: 'Forbidden' });
    expect((await call('GET', `/chats/room/${roomId}/history`, bob.headers)).statusCode).toBe(403);
    expect((await call('POST', '/chats/room/999999', alice.headers, { message: 'x' })).json()).toMatchObject({
      statusCode: 404,
      code: 'CHAT_ROOM_NOT_FOUND',
    });

    const history = await call('GET', `/chats/room/${roomId}/history?limit=200`, alice.headers);
    expect(history.json()).toEqual([
      { userId: alice.userId, message: 'hello team', timestamp: expect.any(String), messageId: expect.any(String), seq: 1 },
    ]);
    expect((await call('GET', `/chats/room/${roomId}/history?limit=0`, alice.headers)).json()).toMatchObject({
      code: 'VALIDATION_FAILED',
    });
  });

  it('passes limit and before to the messaging port', async () => {
    const spy = jest.spyOn(kit.chat, 'getPrivateHistory');
    await call('GET', `/chats/private/${bob.userId}/history?limit=20&before=m9`, alice.headers);
    expect(spy).toHaveBeenCalledWith({ fromUserId: alice.userId, toUserId: bob.userId, limit: 20, before: 'm9' });
  });
});
