import {
  createRoom, expectError, joinRoom, leaveRoom, newUser, newUsers, NO_SUCH_ROOM_ID, uniqueText, type TestUser,
} from '@chatterroom/test/harness/system';

describe('POST /rooms/create', () => {
  it('answers 201 with {roomId, name} and makes the creator its only member', async () => {
    const alice = await newUser();
    const name = uniqueText('Lobby');
    const response = await alice.http.post('/rooms/create', { name });
    expect(response.status).toBe(201);
    expect(response.body).toEqual({ roomId: expect.any(Number), name });
    const room = await alice.http.get(`/rooms/${response.body.roomId}`);
    expect(room.status).toBe(200);
    expect(room.body).toEqual({ roomId: response.body.roomId, name, members: [alice.userId], visibility: 'public', memberCount: 1, role: 'owner' });
  });

  it('creates rooms asked for at the same time, each with its own roomId', async () => {
    const [alice, bob] = (await newUsers(2)) as [TestUser, TestUser];
    const ids = await Promise.all(Array.from({ length: 6 }, (_, i) => createRoom(i % 2 === 0 ? alice : bob)));
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('makes a new room each time, even with the same name', async () => {
    const alice = await newUser();
    const name = uniqueText('twin');
    expect(await createRoom(alice, name)).not.toBe(await createRoom(alice, name));
  });

  it('trims the name', async () => {
    const alice = await newUser();
    const name = uniqueText('trimmed');
    const response = await alice.http.post('/rooms/create', { name: `   ${name}  ` });
    expect(response.status).toBe(201);
    expect(response.body.name).toBe(name);
  });

  it.each([
    ['1 character', 'x'],
    ['64 characters', 'n'.repeat(64)],
  ])('accepts a name of %s', async (_label, name) => {
    const alice = await newUser();
    const response = await alice.http.post('/rooms/create', { name });
    expect(response.status).toBe(201);
    expect(response.body.name).toBe(name);
  });

  it.each([
    ['no name', {}],
    ['an empty name', { name: '' }],
    ['a whitespace-only name', { name: '    ' }],
    ['a name of 65 characters', { name: 'n'.repeat(65) }],
    ['a name that is not a string', { name: 7 }],
  ])('refuses %s with 400 VALIDATION_FAILED', async (_label, body) => {
    const alice = await newUser();
    expectError(await alice.http.post('/rooms/create', body), 400, 'VALIDATION_FAILED');
  });
});

describe('POST /rooms/{roomId}/join and /leave', () => {
  it('joins: 200 {roomId, userId, joined: true}, and the user is a member', async () => {
    const [alice, bob] = (await newUsers(2)) as [TestUser, TestUser];
    const roomId = await createRoom(alice);
    const response = await bob.http.post(`/rooms/${roomId}/join`);
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ roomId, userId: bob.userId, joined: true });
    const room = await bob.http.get(`/rooms/${roomId}`);
    expect(room.body.members).toEqual([alice.userId, bob.userId].sort((x, y) => x - y));
  });

  it('accepts an empty JSON object as the body', async () => {
    const [alice, bob] = (await newUsers(2)) as [TestUser, TestUser];
    const roomId = await createRoom(alice);
    expect((await bob.http.post(`/rooms/${roomId}/join`, {})).status).toBe(200);
    expect((await bob.http.post(`/rooms/${roomId}/leave`, {})).status).toBe(200);
  });

  it('is idempotent: joining twice succeeds and keeps one membership', async () => {
    const [alice, bob] = (await newUsers(2)) as [TestUser, TestUser];
    const roomId = await createRoom(alice);
    await joinRoom(bob, roomId);
    expect(await joinRoom(bob, roomId)).toEqual({ roomId, userId: bob.userId, joined: true });
    expect(await joinRoom(alice, roomId)).toEqual({ roomId, userId: alice.userId, joined: true });
    const room = await alice.http.get(`/rooms/${roomId}`);
    expect(room.body.members).toHaveLength(2);
  });

  it('leaves: 200 {roomId, userId, joined: false}, and the user is no member any more', async () => {
    const [alice, bob] = (await newUsers(2)) as [TestUser, TestUser];
    const roomId = await createRoom(alice);
    await joinRoom(bob, roomId);
    const response = await bob.http.post(`/rooms/${roomId}/leave`);
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ roomId, userId: bob.userId, joined: false });
    expect((await alice.http.get(`/rooms/${roomId}`)).body.members).toEqual([alice.userId]);
  });

  it('is idempotent: leaving twice, or a room one never joined, succeeds', async () => {
    const [alice, bob] = (await newUsers(2)) as [TestUser, TestUser];
    const roomId = await createRoom(alice);
    expect(await leaveRoom(bob, roomId)).toEqual({ roomId, userId: bob.userId, joined: false });
    await joinRoom(bob, roomId);
    await leaveRoom(bob, roomId);
    expect(await leaveRoom(bob, roomId)).toEqual({ roomId, userId: bob.userId, joined: false });
  });

  it('lets a user join again after leaving', async () => {
    const [alice, bob] = (await newUsers(2)) as [TestUser, TestUser];
    const roomId = await createRoom(alice);
    await joinRoom(bob, roomId);
    await leaveRoom(bob, roomId);
    expect(await joinRoom(bob, roomId)).toEqual({ roomId, userId: bob.userId, joined: true });
  });

  it.each(['join', 'leave'])('answers 404 CHAT_ROOM_NOT_FOUND to %s an unknown room', async (action) => {
    const alice = await newUser();
    expectError(await alice.http.post(`/rooms/${NO_SUCH_ROOM_ID}/${action}`), 404, 'CHAT_ROOM_NOT_FOUND');
  });
});

describe('GET /rooms', () => {
  it('lists the rooms I belong to, by roomId ascending, and no others', async () => {
    const [alice, bob] = (await newUsers(2)) as [TestUser, TestUser];
    const first = uniqueText('first');
    const second = uniqueText('second');
    const firstId = await createRoom(alice, first);
    const secondId = await createRoom(bob, second);
    await createRoom(bob);
    await joinRoom(alice, secondId);
    const response = await alice.http.get('/rooms');
    expect(response.status).toBe(200);
    expect(response.body).toEqual([
      { roomId: firstId, name: first },
      { roomId: secondId, name: second },
    ]);
  });

  it('is empty for a user in no room, and forgets rooms left', async () => {
    const [alice, bob] = (await newUsers(2)) as [TestUser, TestUser];
    expect((await bob.http.get('/rooms')).body).toEqual([]);
    const roomId = await createRoom(alice);
    await joinRoom(bob, roomId);
    await leaveRoom(bob, roomId);
    expect((await bob.http.get('/rooms')).body).toEqual([]);
  });
});

describe('GET /rooms/{roomId}', () => {
  it('shows {roomId, name, members, visibility, memberCount, role} to a member, members ascending', async () => {
    const [alice, bob, carol] = (await newUsers(3)) as [TestUser, TestUser, TestUser];
    const name = uniqueText('details');
    const roomId = await createRoom(bob, name);
    await joinRoom(carol, roomId);
    await joinRoom(alice, roomId);
    const response = await carol.http.get(`/rooms/${roomId}`);
    expect(response.status).toBe(200);
    expect(response.body).toEqual({
      roomId,
      name,
      members: [alice.userId, bob.userId, carol.userId].sort((x, y) => x - y),
      visibility: 'public',
      memberCount: 3,
      role: 'member',
    });
  });

  it('answers 403 CHAT_NOT_A_ROOM_MEMBER to a non-member, and to a member who left', async () => {
    const [alice, bob] = (await newUsers(2)) as [TestUser, TestUser];
    const roomId = await createRoom(alice);
    expectError(await bob.http.get(`/rooms/${roomId}`), 403, 'CHAT_NOT_A_ROOM_MEMBER');
    await joinRoom(bob, roomId);
    await leaveRoom(bob, roomId);
    expectError(await bob.http.get(`/rooms/${roomId}`), 403, 'CHAT_NOT_A_ROOM_MEMBER');
  });

  it('answers 404 CHAT_ROOM_NOT_FOUND for an unknown room', async () => {
    const alice = await newUser();
    expectError(await alice.http.get(`/rooms/${NO_SUCH_ROOM_ID}`), 404, 'CHAT_ROOM_NOT_FOUND');
  });
});
