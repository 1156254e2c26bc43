import {
  ackBody, createRoom, errorBody, expectError, joinRoom, newUser, NO_SUCH_ROOM_ID, NO_SUCH_USER_ID, sendPrivate, sendToRoom,
  type Json, type TestUser,
} from '@chatterroom/test/harness/system';
import { GraphqlSubscriber, errorCodes, graphqlFor, subscriberFor } from '@chatterroom/test/harness/graphql';

const conversationsOf = async (user: TestUser, query = ''): Promise<Json> => {
  const response = await user.http.get(`/conversations${query}`);
  expect(response.status).toBe(200);
  return response.body;
};

/** Every conversation of the user, through every page. */
const allConversationsOf = async (user: TestUser): Promise<Json[]> => {
  const all: Json[] = [];
  let cursor: string | null = null;
  do {
    const page: Json = await conversationsOf(user, `?limit=100${cursor === null ? '' : `&before=${encodeURIComponent(cursor)}`}`);
    all.push(...(page.conversations as Json[]));
    cursor = page.nextCursor as string | null;
  } while (cursor !== null);
  return all;
};

const read = (user: TestUser, path: string, seq: unknown) => user.http.post(`${path}/read`, { seq });

describe('GET /conversations', () => {
  it('shows a direct message from a stranger to its recipient, with the peer, the message and the unread count', async () => {
    const [stranger, me] = [await newUser(), await newUser()];
    const first = await sendPrivate(stranger, me, 'hello, we never met');
    const second = await sendPrivate(stranger, me, 'are you there?');
    const page = await conversationsOf(me);
    expect(page).toEqual({
      conversations: [
        {
          kind: 'private',
          peer: { userId: stranger.userId, username: stranger.username },
          lastMessage: {
            messageId: second.messageId, kind: 'private', senderId: stranger.userId, recipientId: me.userId,
            message: 'are you there?', timestamp: second.timestamp, seq: 2,
          },
          lastSeq: 2,
          readSeq: 0,
          unreadCount: 2,
          updatedAt: second.timestamp,
          peerReadSeq: 2,
        },
      ],
      nextCursor: null,
    });
    expect(first.seq).toBe(1);
    const senderView = (await conversationsOf(stranger)).conversations as Json[];
    expect(senderView).toEqual([expect.objectContaining({ peer: { userId: me.userId, username: me.username }, lastSeq: 2, readSeq: 2, unreadCount: 0 })]);
  });

  it('lists rooms and private chats together, most recent activity first, paged by an opaque cursor', async () => {
    const [me, alice, bob] = [await newUser(), await newUser(), await newUser()];
    const roomId = await createRoom(alice);
    await joinRoom(me, roomId);
    await sendPrivate(alice, me);
    await sendToRoom(alice, roomId, 'room news');
    await sendPrivate(bob, me);
    const all = await allConversationsOf(me);
    expect(all.map((entry) => entry.peer?.userId ?? `room ${entry.room.roomId}`)).toEqual([bob.userId, `room ${roomId}`, alice.userId]);
    expect(all[1]).toMatchObject({ kind: 'room', room: { roomId, name: expect.any(String), visibility: 'public' }, lastSeq: 1, readSeq: 0, unreadCount: 1 });
    const first = await conversationsOf(me, '?limit=2');
    expect(first.conversations).toEqual(all.slice(0, 2));
    expect(typeof first.nextCursor).toBe('string');
    const second = await conversationsOf(me, `?limit=2&before=${encodeURIComponent(first.nextCursor)}`);
    expect(second).toEqual({ conversations: all.slice(2), nextCursor: null });
  });

  it('answers a user with no conversation an empty list', async () => {
    expect(await conversationsOf(await newUser())).toEqual({ conversations: [], nextCursor: null });
  });

  it.each([
    ['limit 0', '?limit=0', 'VALIDATION_FAILED'],
    ['limit 101', '?limit=101', 'VALIDATION_FAILED'],
    ['an unknown parameter', '?after=x', 'VALIDATION_FAILED'],
    ['a cursor that is not one', '?before=bm90LWEtY3Vyc29y', 'CHAT_INVALID_CURSOR'],
  ])('refuses %s with 400 %s', async (_label, query, code) => {
    expectError(await (await newUser()).http.get(`/conversations${query}`), 400, code);
  });
});

describe('read markers', () => {
  it('move forward only, idempotently, up to the newest message, and show in the list', async () => {
    const [me, alice] = [await newUser(), await newUser()];
    for (let i = 0; i < 3; i += 1) await sendPrivate(alice, me);
    const path = `/chats/private/${alice.userId}`;
    const state = { kind: 'private', userId: me.userId, peerId: alice.userId, lastSeq: 3 };
    expect((await read(me, path, 2)).body).toEqual({ ...state, readSeq: 2, unreadCount: 1 });
    expect((await read(me, path, 2)).body).toEqual({ ...state, readSeq: 2, unreadCount: 1 });
    expect((await read(me, path, 1)).body).toEqual({ ...state, readSeq: 2, unreadCount: 1 });
    expect((await allConversationsOf(me))[0]).toMatchObject({ readSeq: 2, unreadCount: 1 });
    expect((await read(me, path, 50)).body).toEqual({ ...state, readSeq: 3, unreadCount: 0 });
  });

  it('in a room: a joining member starts at the newest message, and sending moves the sender to it', async () => {
    const [owner, me] = [await newUser(), await newUser()];
    const roomId = await createRoom(owner);
    await sendToRoom(owner, roomId);
    await joinRoom(me, roomId);
    await sendToRoom(owner, roomId);
    await sendToRoom(owner, roomId);
    const entry = () => allConversationsOf(me).then((all) => all.find((one) => one.room?.roomId === roomId));
    expect(await entry()).toMatchObject({ lastSeq: 3, readSeq: 1, unreadCount: 2 });
    const response = await read(me, `/chats/room/${roomId}`, 2);
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ kind: 'room', userId: me.userId, roomId, readSeq: 2, lastSeq: 3, unreadCount: 1 });
    await sendToRoom(me, roomId);
    expect(await entry()).toMatchObject({ lastSeq: 4, readSeq: 4, unreadCount: 0 });
  });

  it('refuses what is not a conversation of the caller with the stable codes', async () => {
    const [me, owner] = [await newUser(), await newUser()];
    const roomId = await createRoom(owner);
    expectError(await read(me, `/chats/room/${roomId}`, 1), 403, 'CHAT_NOT_A_ROOM_MEMBER');
    expectError(await read(me, `/chats/room/${NO_SUCH_ROOM_ID}`, 1), 404, 'CHAT_ROOM_NOT_FOUND');
    expectError(await read(me, `/chats/private/${NO_SUCH_USER_ID}`, 1), 404, 'CHAT_RECIPIENT_NOT_FOUND');
  });

  it.each([
    ['seq 0', { seq: 0 }],
    ['seq -1', { seq: -1 }],
    ['seq 1.5', { seq: 1.5 }],
    ['seq as a string', { seq: '1' }],
    ['no seq', {}],
    ['an unknown field', { seq: 1, roomId: 3 }],
  ])('refuses a body with %s with 400 VALIDATION_FAILED', async (_label, body) => {
    const [me, alice] = [await newUser(), await newUser()];
    expectError(await me.http.post(`/chats/private/${alice.userId}/read`, body), 400, 'VALIDATION_FAILED');
  });
});

describe('read receipts', () => {
  it("reach the reader's other devices and, in a private chat, the other person (\"seen\")", async () => {
    const [me, alice] = [await newUser(), await newUser()];
    const sent = await sendPrivate(alice, me);
    const [phone, laptop, aliceSocket] = [await me.ws({ gateway: 0 }), await me.ws({ gateway: 1 }), await alice.ws()];
    const receipt = { type: 'read', kind: 'private', userId: me.userId, peerId: alice.userId, seq: sent.seq, cursor: expect.any(String) };
    const reply = await phone.request({ type: 'read', id: 'r1', peerId: alice.userId, seq: sent.seq });
    expect(ackBody(reply)).toEqual({ kind: 'private', userId: me.userId, peerId: alice.userId, readSeq: 1, lastSeq: 1, unreadCount: 0 });
    expect(await laptop.next((frame) => frame.type === 'read')).toEqual(receipt);
    expect(await aliceSocket.next((frame) => frame.type === 'read')).toEqual(receipt);
    expect(await phone.next((frame) => frame.type === 'read')).toEqual(receipt);
  });

  it("in a room reach the reader's devices", async () => {
    const [owner, me] = [await newUser(), await newUser()];
    const roomId = await createRoom(owner);
    await joinRoom(me, roomId);
    await sendToRoom(owner, roomId);
    const laptop = await me.ws({ gateway: 1 });
    expect((await read(me, `/chats/room/${roomId}`, 1)).status).toBe(200);
    expect(await laptop.next((frame) => frame.type === 'read')).toEqual({ type: 'read', kind: 'room', userId: me.userId, roomId, seq: 1, cursor: expect.any(String) });
  });

  it('a read frame naming no conversation, or both, is refused and the socket stays open', async () => {
    const me = await newUser();
    const socket = await me.ws();
    expect(errorBody(await socket.request({ type: 'read', id: 'x', seq: 1 })).code).toBe('VALIDATION_FAILED');
    expect(errorBody(await socket.request({ type: 'read', id: 'y', peerId: 1, roomId: 1, seq: 1 })).code).toBe('VALIDATION_FAILED');
    expect(errorBody(await socket.request({ type: 'read', id: 'z', peerId: me.userId, seq: 0 })).code).toBe('VALIDATION_FAILED');
  });
});

describe('rooms and read markers', () => {
  it("GET /rooms/{roomId}/members shows each member's readSeq", async () => {
    const [owner, me, quiet] = [await newUser(), await newUser(), await newUser()];
    const roomId = await createRoom(owner);
    await joinRoom(me, roomId);
    await joinRoom(quiet, roomId);
    for (let i = 0; i < 3; i += 1) await sendToRoom(owner, roomId);
    expect((await read(me, `/chats/room/${roomId}`, 2)).status).toBe(200);
    const response = await me.http.get(`/rooms/${roomId}/members`);
    expect(response.status).toBe(200);
    const readSeqs = Object.fromEntries((response.body.members as Json[]).map((member) => [member.userId, member.readSeq]));
    expect(readSeqs).toEqual({ [owner.userId]: 3, [me.userId]: 2, [quiet.userId]: 0 });
  });

  it('lists a private room, with its visibility, for someone added to it, and counts from when they were added', async () => {
    const [owner, me] = [await newUser(), await newUser()];
    const created = await owner.http.post('/rooms/create', { name: 'private team', visibility: 'private' });
    expect(created.status).toBe(201);
    const roomId = created.body.roomId as number;
    await sendToRoom(owner, roomId);
    expect((await owner.http.post(`/rooms/${roomId}/members`, { userId: me.userId })).status).toBe(201);
    await sendToRoom(owner, roomId);
    const entry = (await allConversationsOf(me)).find((one) => one.room?.roomId === roomId);
    expect(entry).toMatchObject({ kind: 'room', room: { roomId, name: 'private team', visibility: 'private' }, lastSeq: 2, readSeq: 1, unreadCount: 1 });
    const stranger = await newUser();
    expectError(await read(stranger, `/chats/room/${roomId}`, 1), 404, 'CHAT_ROOM_NOT_FOUND');
  });
});

describe('peerReadSeq: the peer\'s read marker on private items ("Seen" after a reload)', () => {
  const privateItem = async (user: TestUser, peer: TestUser): Promise<Json | undefined> =>
    (await allConversationsOf(user)).find((entry) => (entry.peer as Json | undefined)?.userId === peer.userId);

  it('is null until the peer reads, then follows the peer\'s marker; a sender has read what they sent; rooms carry none', async () => {
    const [alice, bob] = [await newUser(), await newUser()];
    await sendPrivate(alice, bob, 'one');
    await sendPrivate(alice, bob, 'two');
    expect(await privateItem(alice, bob)).toMatchObject({ readSeq: 2, peerReadSeq: null });
    expect(await privateItem(bob, alice)).toMatchObject({ readSeq: 0, peerReadSeq: 2 });
    expect((await read(bob, `/chats/private/${alice.userId}`, 1)).status).toBe(200);
    expect(await privateItem(alice, bob)).toMatchObject({ peerReadSeq: 1 });
    expect((await read(bob, `/chats/private/${alice.userId}`, 2)).status).toBe(200);
    expect(await privateItem(alice, bob)).toMatchObject({ peerReadSeq: 2 });
    const roomId = await createRoom(alice);
    await joinRoom(bob, roomId);
    const room = (await allConversationsOf(bob)).find((entry) => (entry.room as Json | undefined)?.roomId === roomId);
    expect(room).toBeDefined();
    expect(room).not.toHaveProperty('peerReadSeq');
  });

  it('over GraphQL: the same marker, null when the peer has read nothing and for rooms', async () => {
    const [alice, bob] = [await newUser(), await newUser()];
    await sendPrivate(alice, bob, 'one');
    const query = '{ conversations(limit: 5) { conversations { kind peer { userId } room { roomId } peerReadSeq } } }';
    const peerReadSeqs = async (): Promise<Json[]> => ((await graphqlFor(alice).data(query)).conversations as Json).conversations;
    expect(await peerReadSeqs()).toEqual([{ kind: 'private', peer: { userId: bob.userId }, room: null, peerReadSeq: null }]);
    expect((await read(bob, `/chats/private/${alice.userId}`, 1)).status).toBe(200);
    const roomId = await createRoom(alice);
    expect(await peerReadSeqs()).toEqual([
      { kind: 'room', peer: null, room: { roomId }, peerReadSeq: null },
      { kind: 'private', peer: { userId: bob.userId }, room: null, peerReadSeq: 1 },
    ]);
  });
});

describe('GraphQL', () => {
  afterEach(() => GraphqlSubscriber.closeAll());

  it('lists conversations with the peer, and marks read', async () => {
    const [me, alice] = [await newUser(), await newUser()];
    await sendPrivate(alice, me, 'one');
    const sent = await sendPrivate(alice, me, 'two');
    const { conversations } = await graphqlFor(me).data(
      '{ conversations(limit: 5) { conversations { kind peer { userId username } room { roomId } lastMessage { message seq } lastSeq readSeq unreadCount updatedAt } nextCursor } }',
    );
    expect(conversations).toEqual({
      conversations: [
        {
          kind: 'private', peer: { userId: alice.userId, username: alice.username }, room: null,
          lastMessage: { message: 'two', seq: 2 }, lastSeq: 2, readSeq: 0, unreadCount: 2, updatedAt: sent.timestamp,
        },
      ],
      nextCursor: null,
    });
    const { markRead } = await graphqlFor(me).data(`mutation { markRead(peerId: ${alice.userId}, seq: 1) { kind userId peerId roomId readSeq lastSeq unreadCount } }`);
    expect(markRead).toEqual({ kind: 'private', userId: me.userId, peerId: alice.userId, roomId: null, readSeq: 1, lastSeq: 2, unreadCount: 1 });
    const refused = await graphqlFor(me).request(`mutation { markRead(seq: 1) { readSeq } }`);
    expect(errorCodes(refused)).toEqual(['VALIDATION_FAILED']);
    const badCursor = await graphqlFor(me).request('{ conversations(before: "nope") { nextCursor } }');
    expect(errorCodes(badCursor)).toEqual(['CHAT_INVALID_CURSOR']);
  });

  it('readMarkerMoved delivers the peer\'s receipts ("seen")', async () => {
    const [me, alice] = [await newUser(), await newUser()];
    const receipts = subscriberFor(alice).subscribe('subscription { readMarkerMoved { kind userId peerId roomId seq } }');
    let seen: Json | undefined;
    for (let attempt = 0; seen === undefined && attempt < 30; attempt += 1) {
      const { seq } = await sendPrivate(alice, me);
      expect((await read(me, `/chats/private/${alice.userId}`, seq)).status).toBe(200);
      seen = await receipts.next((result) => (result.data as Json)?.readMarkerMoved?.seq === seq, 500).catch(() => undefined);
      if (seen !== undefined) expect(seen.data).toEqual({ readMarkerMoved: { kind: 'private', userId: me.userId, peerId: alice.userId, roomId: null, seq } });
    }
    expect(seen).toBeDefined();
  });
});

describe('the conversation list follows edits and deletions', () => {
  const entryWith = async (user: TestUser, peer: TestUser): Promise<Json | undefined> =>
    (await allConversationsOf(user)).find((entry) => (entry.peer as Json | undefined)?.userId === peer.userId);

  it('shows the last message edited, then as its tombstone once deleted; unreadCount leaves deleted messages out', async () => {
    const [alice, bob] = [await newUser(), await newUser()];
    const first = await sendPrivate(alice, bob, 'one');
    const second = await sendPrivate(alice, bob, 'two');
    const third = await sendPrivate(alice, bob, 'three');
    expect((await alice.http.patch(`/chats/messages/${third.messageId}`, { message: 'three, fixed' })).status).toBe(200);
    expect(await entryWith(bob, alice)).toMatchObject({
      lastMessage: { messageId: third.messageId, message: 'three, fixed', editedAt: expect.any(String), seq: 3 },
      lastSeq: 3,
      unreadCount: 3,
      updatedAt: third.timestamp,
    });

    expect((await read(bob, `/chats/private/${alice.userId}`, 1)).body).toMatchObject({ readSeq: 1, unreadCount: 2 });
    expect((await alice.http.delete(`/chats/messages/${first.messageId}`)).status).toBe(200);
    expect((await alice.http.delete(`/chats/messages/${second.messageId}`)).status).toBe(200);
    expect((await alice.http.delete(`/chats/messages/${third.messageId}`)).status).toBe(200);
    const after = await entryWith(bob, alice);
    expect(after).toMatchObject({ lastSeq: 3, readSeq: 1, unreadCount: 0, updatedAt: third.timestamp });
    expect(after?.lastMessage).toEqual({
      messageId: third.messageId, kind: 'private', senderId: alice.userId, recipientId: bob.userId, message: '', timestamp: third.timestamp, seq: 3, deleted: true,
    });
    expect((await read(bob, `/chats/private/${alice.userId}`, 3)).body).toMatchObject({ readSeq: 3, unreadCount: 0 });

    const fourth = await sendPrivate(alice, bob, 'four');
    expect(await entryWith(bob, alice)).toMatchObject({ lastMessage: { messageId: fourth.messageId, message: 'four' }, unreadCount: 1 });
  });

  it('in a room, over GraphQL too', async () => {
    const [owner, member] = [await newUser(), await newUser()];
    const roomId = await createRoom(owner);
    await joinRoom(member, roomId);
    await sendToRoom(owner, roomId, 'first');
    const last = await sendToRoom(owner, roomId, 'second');
    expect((await owner.http.delete(`/chats/messages/${last.messageId}`)).status).toBe(200);
    const { conversations } = await graphqlFor(member).data('{ conversations(limit: 100) { conversations { room { roomId } lastMessage { messageId message deleted } lastSeq unreadCount } } }');
    const entry = (conversations.conversations as Json[]).find((found) => (found.room as Json | null)?.roomId === roomId);
    expect(entry).toEqual({ room: { roomId }, lastMessage: { messageId: last.messageId, message: '', deleted: true }, lastSeq: 2, unreadCount: 1 });
  });
});
