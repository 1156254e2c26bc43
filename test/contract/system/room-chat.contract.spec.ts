import {
  anId, createRoom, expectError, isoTimestamp, joinRoom, leaveRoom, newUsers, NO_SUCH_ROOM_ID, roomHistory, roomWith,
  sendToRoom, uniqueText, type TestUser,
} from '@chatterroom/test/harness/system';

const send = (from: TestUser, roomId: number, body: unknown) => from.http.post(`/chats/room/${roomId}`, body);

describe('POST /chats/room/{roomId}', () => {
  it('answers 201 with the stored message', async () => {
    const [alice] = (await newUsers(1)) as [TestUser];
    const roomId = await createRoom(alice);
    const text = uniqueText('hello room');
    const response = await send(alice, roomId, { message: text });
    expect(response.status).toBe(201);
    expect(response.body).toEqual({
      messageId: anId(),
      roomId,
      senderId: alice.userId,
      message: text,
      timestamp: isoTimestamp(),
      seq: 1,
    });
  });

  it('numbers a room 1, 2, 3... whoever writes', async () => {
    const [alice, bob] = (await newUsers(2)) as [TestUser, TestUser];
    const roomId = await roomWith(alice, bob);
    const seqs = [(await sendToRoom(alice, roomId)).seq, (await sendToRoom(bob, roomId)).seq, (await sendToRoom(alice, roomId)).seq];
    expect(seqs).toEqual([1, 2, 3]);
  });

  it('numbers messages sent at the same time 1..n without gaps or repeats', async () => {
    const [alice, bob] = (await newUsers(2)) as [TestUser, TestUser];
    const roomId = await roomWith(alice, bob);
    const sent = await Promise.all(Array.from({ length: 8 }, (_, i) => sendToRoom(i % 2 === 0 ? alice : bob, roomId)));
    expect(sent.map((message) => message.seq).sort((x, y) => x - y)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect((await roomHistory(alice, roomId)).map((entry) => entry.seq)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
  });

  it('numbers each room on its own', async () => {
    const [alice] = (await newUsers(1)) as [TestUser];
    const first = await createRoom(alice);
    const second = await createRoom(alice);
    await sendToRoom(alice, first);
    await sendToRoom(alice, first);
    expect((await sendToRoom(alice, second)).seq).toBe(1);
  });

  it('accepts a message of exactly 4000 characters', async () => {
    const [alice] = (await newUsers(1)) as [TestUser];
    const roomId = await createRoom(alice);
    const response = await send(alice, roomId, { message: 'y'.repeat(4000) });
    expect(response.status).toBe(201);
    expect(response.body.message).toHaveLength(4000);
  });

  it.each([
    ['no message', {}],
    ['an empty message', { message: '' }],
    ['a whitespace-only message', { message: '\n\t   ' }],
    ['a message of 4001 characters', { message: 'y'.repeat(4001) }],
    ['a message that is not a string', { message: { text: 'hi' } }],
  ])('refuses %s with 400 VALIDATION_FAILED and stores nothing', async (_label, body) => {
    const [alice] = (await newUsers(1)) as [TestUser];
    const roomId = await createRoom(alice);
    expectError(await send(alice, roomId, body), 400, 'VALIDATION_FAILED');
    expect(await roomHistory(alice, roomId)).toEqual([]);
  });

  it('answers 403 CHAT_NOT_A_ROOM_MEMBER to a non-member and to a member who left', async () => {
    const [alice, bob] = (await newUsers(2)) as [TestUser, TestUser];
    const roomId = await createRoom(alice);
    expectError(await send(bob, roomId, { message: 'let me in' }), 403, 'CHAT_NOT_A_ROOM_MEMBER');
    await joinRoom(bob, roomId);
    await leaveRoom(bob, roomId);
    expectError(await send(bob, roomId, { message: 'still here?' }), 403, 'CHAT_NOT_A_ROOM_MEMBER');
    expect(await roomHistory(alice, roomId)).toEqual([]);
  });

  it('answers 404 CHAT_ROOM_NOT_FOUND for an unknown room', async () => {
    const [alice] = (await newUsers(1)) as [TestUser];
    expectError(await send(alice, NO_SUCH_ROOM_ID, { message: 'hello?' }), 404, 'CHAT_ROOM_NOT_FOUND');
  });
});

describe('GET /chats/room/{roomId}/history', () => {
  it('returns the room messages oldest first, as {userId, message, timestamp, messageId, seq}', async () => {
    const [alice, bob] = (await newUsers(2)) as [TestUser, TestUser];
    const roomId = await roomWith(alice, bob);
    const sent = [await sendToRoom(alice, roomId), await sendToRoom(bob, roomId), await sendToRoom(alice, roomId)];
    const expected = sent.map((message) => ({
      userId: message.senderId,
      message: message.message,
      timestamp: message.timestamp,
      messageId: message.messageId,
      seq: message.seq,
    }));
    expect(await roomHistory(alice, roomId)).toEqual(expected);
    expect(await roomHistory(bob, roomId)).toEqual(expected);
  });

  it('keeps rooms apart', async () => {
    const [alice] = (await newUsers(1)) as [TestUser];
    const first = await createRoom(alice);
    const second = await createRoom(alice);
    const inFirst = await sendToRoom(alice, first);
    expect((await roomHistory(alice, first)).map((entry) => entry.messageId)).toEqual([inFirst.messageId]);
    expect(await roomHistory(alice, second)).toEqual([]);
  });

  it('pages with ?limit= and ?before= like private histories', async () => {
    const [alice] = (await newUsers(1)) as [TestUser];
    const roomId = await createRoom(alice);
    const sent = [];
    for (let i = 0; i < 6; i += 1) sent.push(await sendToRoom(alice, roomId));
    expect((await roomHistory(alice, roomId, { limit: 2 })).map((entry) => entry.seq)).toEqual([5, 6]);
    expect((await roomHistory(alice, roomId, { before: sent[4].messageId, limit: 3 })).map((entry) => entry.seq)).toEqual([2, 3, 4]);
    expect((await roomHistory(alice, roomId, { before: sent[1].messageId })).map((entry) => entry.seq)).toEqual([1]);
  });

  it('returns at most 50 messages by default', async () => {
    const [alice] = (await newUsers(1)) as [TestUser];
    const roomId = await createRoom(alice);
    for (let i = 0; i < 51; i += 1) await sendToRoom(alice, roomId);
    const page = await roomHistory(alice, roomId);
    expect(page.map((entry) => entry.seq)).toEqual(Array.from({ length: 50 }, (_, i) => i + 2));
  });

  it.each(['0', '201', 'abc'])('refuses ?limit=%j with 400 VALIDATION_FAILED', async (limit) => {
    const [alice] = (await newUsers(1)) as [TestUser];
    const roomId = await createRoom(alice);
    expectError(await alice.http.get(`/chats/room/${roomId}/history?limit=${limit}`), 400, 'VALIDATION_FAILED');
  });

  it('refuses an unknown cursor, or one from another room, with 400 CHAT_INVALID_CURSOR', async () => {
    const [alice] = (await newUsers(1)) as [TestUser];
    const roomId = await createRoom(alice);
    const otherRoom = await createRoom(alice);
    await sendToRoom(alice, roomId);
    const elsewhere = await sendToRoom(alice, otherRoom);
    expectError(await alice.http.get(`/chats/room/${roomId}/history?before=no-such-message`), 400, 'CHAT_INVALID_CURSOR');
    expectError(
      await alice.http.get(`/chats/room/${roomId}/history?before=${encodeURIComponent(elsewhere.messageId)}`),
      400,
      'CHAT_INVALID_CURSOR',
    );
  });

  it('answers 403 CHAT_NOT_A_ROOM_MEMBER to a non-member', async () => {
    const [alice, bob] = (await newUsers(2)) as [TestUser, TestUser];
    const roomId = await createRoom(alice);
    await sendToRoom(alice, roomId);
    expectError(await bob.http.get(`/chats/room/${roomId}/history`), 403, 'CHAT_NOT_A_ROOM_MEMBER');
  });

  it('answers 404 CHAT_ROOM_NOT_FOUND for an unknown room', async () => {
    const [alice] = (await newUsers(1)) as [TestUser];
    expectError(await alice.http.get(`/chats/room/${NO_SUCH_ROOM_ID}/history`), 404, 'CHAT_ROOM_NOT_FOUND');
  });
});
