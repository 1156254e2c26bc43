import {
  ackBody, addMember, createRoom, createRoomWith, errorBody, expectError, isoTimestamp, joinRoom, leaveRoom, newUsers, pushWithText,
  removeMember, roomHistory, sendToRoom, setRole, uniqueText, NO_SUCH_USER_ID, type Frame, type TestUser,
} from '@chatterroom/test/harness/system';

const users = async (count: number): Promise<TestUser[]> => newUsers(count);
const ascending = (...people: TestUser[]): number[] => people.map((p) => p.userId).sort((a, b) => a - b);
const pushed = (type: string, roomId: number, extra: Record<string, unknown> = {}) => (frame: Frame) =>
  frame.type === type && frame.roomId === roomId && Object.entries(extra).every(([key, value]) => frame[key] === value);

describe('POST /rooms/create with visibility and members', () => {
  it('creates a private room with its members at once; GET shows visibility, memberCount and the caller\'s role', async () => {
    const [owner, bob, carol] = (await users(3)) as [TestUser, TestUser, TestUser];
    const roomId = await createRoomWith(owner, { visibility: 'private', members: [bob, carol] });
    const seen = await bob.http.get(`/rooms/${roomId}`);
    expect(seen.status).toBe(200);
    expect(seen.body).toEqual({
      roomId, name: expect.any(String), members: ascending(owner, bob, carol), visibility: 'private', memberCount: 3, role: 'member',
    });
    expect((await owner.http.get(`/rooms/${roomId}`)).body.role).toBe('owner');
  });

  it('answers 404 CHAT_USER_NOT_FOUND for an unknown member and creates nothing', async () => {
    const [owner, bob] = (await users(2)) as [TestUser, TestUser];
    const name = uniqueText('never');
    expectError(await owner.http.post('/rooms/create', { name, members: [bob.userId, NO_SUCH_USER_ID] }), 404, 'CHAT_USER_NOT_FOUND');
    expect(((await bob.http.get('/rooms')).body as { name: string }[]).map((room) => room.name)).not.toContain(name);
    expect(((await owner.http.get('/rooms')).body as { name: string }[]).map((room) => room.name)).not.toContain(name);
  });

  it.each([
    ['more than 100 members', { members: Array.from({ length: 101 }, (_, i) => i + 1) }],
    ['an unknown visibility', { visibility: 'secret' }],
    ['a member id that is not a positive integer', { members: [0] }],
    ['an unknown field', { owner: 1 }],
  ])('refuses %s with 400 VALIDATION_FAILED', async (_label, extra) => {
    const [owner] = await users(1);
    expectError(await owner!.http.post('/rooms/create', { name: uniqueText('bad'), ...extra }), 400, 'VALIDATION_FAILED');
  });
});

describe('private rooms do not exist for non-members', () => {
  it('answers a stranger 404 CHAT_ROOM_NOT_FOUND on every room route', async () => {
    const [owner, stranger] = (await users(2)) as [TestUser, TestUser];
    const roomId = await createRoomWith(owner, { visibility: 'private' });
    const http = stranger.http;
    const answers = [
      await http.post(`/rooms/${roomId}/join`),
      await http.post(`/rooms/${roomId}/leave`),
      await http.get(`/rooms/${roomId}`),
      await http.get(`/rooms/${roomId}/members`),
      await http.get(`/chats/room/${roomId}/history`),
      await http.post(`/chats/room/${roomId}`, { message: 'hello?' }),
      await http.post(`/rooms/${roomId}/members`, { userId: stranger.userId }),
      await http.delete(`/rooms/${roomId}/members/${owner.userId}`),
      await http.put(`/rooms/${roomId}/members/${owner.userId}/role`, { role: 'member' }),
      await http.patch(`/rooms/${roomId}`, { name: 'mine now' }),
      await http.delete(`/rooms/${roomId}`),
    ];
    for (const answer of answers) expectError(answer, 404, 'CHAT_ROOM_NOT_FOUND');
    expect((await owner.http.get(`/rooms/${roomId}`)).body).toMatchObject({ memberCount: 1, visibility: 'private' });
  });

  it('keeps the seed\'s 403 for non-members of a public room who post or read', async () => {
    const [owner, stranger] = (await users(2)) as [TestUser, TestUser];
    const roomId = await createRoom(owner);
    expectError(await stranger.http.post(`/chats/room/${roomId}`, { message: 'hi' }), 403, 'CHAT_NOT_A_ROOM_MEMBER');
    expectError(await stranger.http.get(`/chats/room/${roomId}/history`), 403, 'CHAT_NOT_A_ROOM_MEMBER');
    expectError(await stranger.http.get(`/rooms/${roomId}/members`), 403, 'CHAT_NOT_A_ROOM_MEMBER');
  });
});

describe('members and roles', () => {
  it('the Groups walkthrough: add two people, make one admin, who removes the other; everyone is told', async () => {
    const [owner, ann, bob] = (await users(3)) as [TestUser, TestUser, TestUser];
    const roomId = await createRoomWith(owner, { visibility: 'private' });
    const ownerSocket = await owner.ws();
    const bobSocket = await bob.ws();

    expect(await addMember(owner, roomId, ann)).toEqual({ roomId, userId: ann.userId, role: 'member', joinedAt: isoTimestamp() });
    await addMember(owner, roomId, bob);
    expect(await ownerSocket.next(pushed('room.member-added', roomId, { userId: bob.userId }))).toEqual({
      type: 'room.member-added', roomId, userId: bob.userId, role: 'member', byUserId: owner.userId, cursor: expect.any(String),
    });
    await bobSocket.next(pushed('room.member-added', roomId, { userId: bob.userId }));

    expect(await setRole(owner, roomId, ann, 'admin')).toMatchObject({ userId: ann.userId, role: 'admin' });
    expect(await bobSocket.next(pushed('room.role-changed', roomId, { userId: ann.userId }))).toEqual({
      type: 'room.role-changed', roomId, userId: ann.userId, role: 'admin', byUserId: owner.userId, cursor: expect.any(String),
    });

    expect(await removeMember(ann, roomId, bob)).toEqual({ roomId, userId: bob.userId, removed: true });
    expect(await bobSocket.next(pushed('room.member-removed', roomId, { userId: bob.userId }))).toEqual({
      type: 'room.member-removed', roomId, userId: bob.userId, byUserId: ann.userId, cursor: expect.any(String),
    });
    await ownerSocket.next(pushed('room.member-removed', roomId, { userId: bob.userId }));
    expectError(await bob.http.get(`/rooms/${roomId}`), 404, 'CHAT_ROOM_NOT_FOUND');

    const after = await sendToRoom(ann, roomId);
    await ownerSocket.next(pushWithText(after.message));
    const barrier = await owner.http.post(`/chats/private/${bob.userId}`, { message: uniqueText('barrier') });
    await bobSocket.next(pushWithText(barrier.body.message));
    await bobSocket.expectNothing(pushWithText(after.message));
  });

  it('refuses what a role may not do with 403 CHAT_FORBIDDEN_ROLE', async () => {
    const [owner, admin, member, other] = (await users(4)) as [TestUser, TestUser, TestUser, TestUser];
    const roomId = await createRoomWith(owner, { visibility: 'private', members: [admin, member] });
    await setRole(owner, roomId, admin, 'admin');
    expectError(await member.http.post(`/rooms/${roomId}/members`, { userId: other.userId }), 403, 'CHAT_FORBIDDEN_ROLE');
    expectError(await admin.http.put(`/rooms/${roomId}/members/${member.userId}/role`, { role: 'admin' }), 403, 'CHAT_FORBIDDEN_ROLE');
    expectError(await admin.http.delete(`/rooms/${roomId}/members/${owner.userId}`), 403, 'CHAT_FORBIDDEN_ROLE');
    expectError(await member.http.delete(`/rooms/${roomId}/members/${admin.userId}`), 403, 'CHAT_FORBIDDEN_ROLE');
    expectError(await member.http.patch(`/rooms/${roomId}`, { name: 'no' }), 403, 'CHAT_FORBIDDEN_ROLE');
    expectError(await admin.http.delete(`/rooms/${roomId}`), 403, 'CHAT_FORBIDDEN_ROLE');
  });

  it('answers 409 CHAT_ALREADY_MEMBER, 404 CHAT_NOT_MEMBER and 404 CHAT_USER_NOT_FOUND', async () => {
    const [owner, bob, carol] = (await users(3)) as [TestUser, TestUser, TestUser];
    const roomId = await createRoomWith(owner, { members: [bob] });
    expectError(await owner.http.post(`/rooms/${roomId}/members`, { userId: bob.userId }), 409, 'CHAT_ALREADY_MEMBER');
    expectError(await owner.http.delete(`/rooms/${roomId}/members/${carol.userId}`), 404, 'CHAT_NOT_MEMBER');
    expectError(await owner.http.put(`/rooms/${roomId}/members/${carol.userId}/role`, { role: 'admin' }), 404, 'CHAT_NOT_MEMBER');
    expectError(await owner.http.post(`/rooms/${roomId}/members`, { userId: NO_SUCH_USER_ID }), 404, 'CHAT_USER_NOT_FOUND');
  });

  it('lets any member of a public room add people', async () => {
    const [owner, bob, carol] = (await users(3)) as [TestUser, TestUser, TestUser];
    const roomId = await createRoom(owner);
    await joinRoom(bob, roomId);
    await addMember(bob, roomId, carol);
    expect((await carol.http.get(`/rooms/${roomId}`)).body).toMatchObject({ role: 'member', memberCount: 3 });
  });

  it.each([
    ['a role nobody has', 'PUT', 'role', { role: 'king' }],
    ['an unknown field', 'PUT', 'role', { role: 'admin', extra: 1 }],
    ['no userId', 'POST', 'members', {}],
  ])('refuses %s with 400 VALIDATION_FAILED', async (_label, method, route, body) => {
    const [owner, bob] = (await users(2)) as [TestUser, TestUser];
    const roomId = await createRoomWith(owner, { members: [bob] });
    const path = route === 'role' ? `/rooms/${roomId}/members/${bob.userId}/role` : `/rooms/${roomId}/members`;
    expectError(await owner.http.send({ method, path, body }), 400, 'VALIDATION_FAILED');
  });
});

describe('when the owner leaves', () => {
  it('ownership passes to the longest-standing admin, else the longest-standing member; the members are told', async () => {
    const [owner, early, admin] = (await users(3)) as [TestUser, TestUser, TestUser];
    const roomId = await createRoomWith(owner, { visibility: 'private', members: [early] });
    await addMember(owner, roomId, admin);
    await setRole(owner, roomId, admin, 'admin');
    const earlySocket = await early.ws();
    await leaveRoom(owner, roomId);
    expect(await earlySocket.next(pushed('room.role-changed', roomId, { userId: admin.userId, role: 'owner' }))).toEqual({
      type: 'room.role-changed', roomId, userId: admin.userId, role: 'owner', byUserId: owner.userId, cursor: expect.any(String),
    });
    expect((await admin.http.get(`/rooms/${roomId}`)).body.role).toBe('owner');
    await leaveRoom(admin, roomId);
    expect((await early.http.get(`/rooms/${roomId}`)).body).toMatchObject({ role: 'owner', memberCount: 1 });
  });

  it('the owner hands ownership over with PUT role "owner", becoming an admin', async () => {
    const [owner, bob] = (await users(2)) as [TestUser, TestUser];
    const roomId = await createRoomWith(owner, { members: [bob] });
    await setRole(owner, roomId, bob, 'owner');
    expect((await owner.http.get(`/rooms/${roomId}`)).body.role).toBe('admin');
    expect((await bob.http.get(`/rooms/${roomId}`)).body.role).toBe('owner');
  });
});

describe('PATCH and DELETE /rooms/{roomId}', () => {
  it('renames and changes visibility (owner or admin), telling the members: room.updated', async () => {
    const [owner, bob] = (await users(2)) as [TestUser, TestUser];
    const roomId = await createRoomWith(owner, { members: [bob] });
    const bobSocket = await bob.ws();
    const name = uniqueText('renamed');
    const response = await owner.http.patch(`/rooms/${roomId}`, { name, visibility: 'private' });
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ roomId, name, visibility: 'private' });
    expect(await bobSocket.next(pushed('room.updated', roomId))).toEqual({ type: 'room.updated', roomId, name, visibility: 'private', byUserId: owner.userId, cursor: expect.any(String) });
    expectError(await owner.http.patch(`/rooms/${roomId}`, {}), 400, 'VALIDATION_FAILED');
    expectError(await owner.http.patch(`/rooms/${roomId}`, { visibility: 'hidden' }), 400, 'VALIDATION_FAILED');
  });

  it('deletes the room and its history (owner only), telling every member: room.deleted', async () => {
    const [owner, bob] = (await users(2)) as [TestUser, TestUser];
    const roomId = await createRoomWith(owner, { members: [bob] });
    await sendToRoom(bob, roomId);
    expect(await roomHistory(owner, roomId)).toHaveLength(1);
    const bobSocket = await bob.ws();
    const response = await owner.http.delete(`/rooms/${roomId}`);
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ roomId, deleted: true });
    expect(await bobSocket.next(pushed('room.deleted', roomId))).toEqual({ type: 'room.deleted', roomId, byUserId: owner.userId, cursor: expect.any(String) });
    expectError(await owner.http.get(`/chats/room/${roomId}/history`), 404, 'CHAT_ROOM_NOT_FOUND');
    expectError(await bob.http.post(`/rooms/${roomId}/join`), 404, 'CHAT_ROOM_NOT_FOUND');
    expect(((await bob.http.get('/rooms')).body as { roomId: number }[]).map((room) => room.roomId)).not.toContain(roomId);
  });
});

describe('GET /rooms/{roomId}/members', () => {
  it('pages members by userId with username, role and joinedAt', async () => {
    const [owner, bob, carol] = (await users(3)) as [TestUser, TestUser, TestUser];
    const roomId = await createRoomWith(owner, { visibility: 'private', members: [bob, carol] });
    const ids = ascending(owner, bob, carol);
    const first = await bob.http.get(`/rooms/${roomId}/members?limit=2`);
    expect(first.status).toBe(200);
    expect(first.body.members.map((m: { userId: number }) => m.userId)).toEqual(ids.slice(0, 2));
    expect(first.body.nextAfter).toBe(ids[1]);
    const rest = await bob.http.get(`/rooms/${roomId}/members?limit=2&after=${first.body.nextAfter}`);
    expect(rest.body.nextAfter).toBeNull();
    const all = [...first.body.members, ...rest.body.members];
    const byId = new Map(all.map((m: { userId: number }) => [m.userId, m]));
    expect(byId.get(owner.userId)).toEqual({ userId: owner.userId, username: owner.username, role: 'owner', joinedAt: isoTimestamp(), readSeq: 0 });
    expect(byId.get(carol.userId)).toMatchObject({ username: carol.username, role: 'member' });
  });

  it.each([['limit=0'], ['limit=501'], ['after=0'], ['after=x'], ['cursor=1']])('refuses ?%s with 400 VALIDATION_FAILED', async (query) => {
    const [owner] = await users(1);
    const roomId = await createRoom(owner!);
    expectError(await owner!.http.get(`/rooms/${roomId}/members?${query}`), 400, 'VALIDATION_FAILED');
  });
});

describe('GET /rooms/public', () => {
  it('lists public rooms whose name matches, case-insensitively, with member counts; never private ones', async () => {
    const [owner, bob, searcher] = (await users(3)) as [TestUser, TestUser, TestUser];
    const tag = uniqueText('Dir').replace(/[^A-Za-z0-9]/g, '');
    const open = await createRoomWith(owner, { name: `Open ${tag}`, members: [bob] });
    await createRoomWith(owner, { name: `Hidden ${tag}`, visibility: 'private' });
    const response = await searcher.http.get(`/rooms/public?q=${encodeURIComponent(tag.toLowerCase())}`);
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ rooms: [{ roomId: open, name: `Open ${tag}`, visibility: 'public', memberCount: 2 }], nextAfter: null });
  });

  it('pages with limit and after', async () => {
    const [owner, searcher] = (await users(2)) as [TestUser, TestUser];
    const tag = uniqueText('Page').replace(/[^A-Za-z0-9]/g, '');
    const rooms = [];
    for (let i = 0; i < 3; i += 1) rooms.push(await createRoomWith(owner, { name: `${tag} ${i}` }));
    const first = await searcher.http.get(`/rooms/public?q=${tag}&limit=2`);
    expect(first.body.rooms.map((room: { roomId: number }) => room.roomId)).toEqual(rooms.slice(0, 2));
    expect(first.body.nextAfter).toBe(rooms[1]);
    const rest = await searcher.http.get(`/rooms/public?q=${tag}&limit=2&after=${first.body.nextAfter}`);
    expect(rest.body).toEqual({ rooms: [expect.objectContaining({ roomId: rooms[2] })], nextAfter: null });
    expectError(await searcher.http.get('/rooms/public?limit=101'), 400, 'VALIDATION_FAILED');
  });
});

describe('running a room over /ws/chat', () => {
  it('adds a member and sets a role with frames, answered as the HTTP routes answer', async () => {
    const [owner, bob] = (await users(2)) as [TestUser, TestUser];
    const roomId = await createRoomWith(owner, { visibility: 'private' });
    const socket = await owner.ws();
    expect(ackBody(await socket.request({ type: 'room.add-member', roomId, userId: bob.userId }))).toMatchObject({ roomId, userId: bob.userId, role: 'member' });
    expect(ackBody(await socket.request({ type: 'room.set-role', roomId, userId: bob.userId, role: 'admin' }))).toMatchObject({ role: 'admin' });
    expect(errorBody(await socket.request({ type: 'room.add-member', roomId, userId: bob.userId }))).toMatchObject({ code: 'CHAT_ALREADY_MEMBER' });
    expect(ackBody(await socket.request({ type: 'room.update', roomId, name: 'via socket' }))).toEqual({ roomId, name: 'via socket', visibility: 'private' });
    expect(ackBody(await socket.request({ type: 'room.remove-member', roomId, userId: bob.userId }))).toEqual({ roomId, userId: bob.userId, removed: true });
    expect(ackBody(await socket.request({ type: 'room.delete', roomId }))).toEqual({ roomId, deleted: true });
  });
});
