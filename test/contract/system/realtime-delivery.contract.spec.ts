import {
  ackBody, anythingAboutRoom, createRoom, gateway, joinRoom, leaveRoom, newUsers, pushWithText,
  roomEvent, roomWith, sendPrivate, sendToRoom, uniqueText, type TestUser,
} from '@chatterroom/test/harness/system';

/** What a push carries for a message the HTTP/WS answer described. */
const pushedPrivate = (sent: Record<string, unknown>) => ({
  type: 'message',
  message: {
    messageId: sent.messageId,
    kind: 'private',
    senderId: sent.senderId,
    recipientId: sent.recipientId,
    message: sent.message,
    timestamp: sent.timestamp,
    seq: sent.seq,
  },
  cursor: expect.any(String),
});

const pushedRoom = (sent: Record<string, unknown>) => ({
  type: 'message',
  message: {
    messageId: sent.messageId,
    kind: 'room',
    senderId: sent.senderId,
    roomId: sent.roomId,
    message: sent.message,
    timestamp: sent.timestamp,
    seq: sent.seq,
  },
  cursor: expect.any(String),
});

describe('pushes of private messages', () => {
  it('pushes a message sent over HTTP to the recipient and to the sender', async () => {
    const [alice, bob] = (await newUsers(2)) as [TestUser, TestUser];
    const aliceSocket = await alice.ws();
    const bobSocket = await bob.ws();
    const sent = await sendPrivate(alice, bob);
    expect(await bobSocket.next(pushWithText(sent.message))).toEqual(pushedPrivate(sent));
    expect(await aliceSocket.next(pushWithText(sent.message))).toEqual(pushedPrivate(sent));
  });

  it('pushes a message sent over the socket to the recipient and to the sending socket', async () => {
    const [alice, bob] = (await newUsers(2)) as [TestUser, TestUser];
    const aliceSocket = await alice.ws();
    const bobSocket = await bob.ws();
    const sent = ackBody(await aliceSocket.request({ type: 'private.send', to: bob.userId, message: uniqueText() }));
    expect(await bobSocket.next(pushWithText(sent.message))).toEqual(pushedPrivate(sent));
    expect(await aliceSocket.next(pushWithText(sent.message))).toEqual(pushedPrivate(sent));
  });

  it('reaches every socket of both people, on every gateway', async () => {
    const [alice, bob] = (await newUsers(2)) as [TestUser, TestUser];
    const sockets = [
      await alice.ws(),
      await alice.ws({ gateway: alice.gatewayIndex + 1 }),
      await bob.ws(),
      await bob.ws({ gateway: bob.gatewayIndex + 1 }),
    ];
    const sent = await sendPrivate(bob, alice);
    for (const socket of sockets) expect(await socket.next(pushWithText(sent.message))).toEqual(pushedPrivate(sent));
  });

  it('never reaches a third user', async () => {
    const [alice, bob, carol] = (await newUsers(3)) as [TestUser, TestUser, TestUser];
    const carolSocket = await carol.ws();
    const secret = await sendPrivate(alice, bob);
    const barrier = await sendPrivate(alice, carol);
    await carolSocket.next(pushWithText(barrier.message));
    await carolSocket.expectNothing(pushWithText(secret.message));
  });

  it('pushes a message to oneself once per socket', async () => {
    const [alice] = (await newUsers(1)) as [TestUser];
    const socket = await alice.ws();
    const note = await sendPrivate(alice, alice);
    const barrier = await sendPrivate(alice, alice);
    expect(await socket.next(pushWithText(note.message))).toEqual(pushedPrivate(note));
    await socket.next(pushWithText(barrier.message));
    await socket.expectNothing(pushWithText(note.message));
  });
});

describe('pushes of room messages', () => {
  it('pushes a message sent over HTTP to every member, sender included', async () => {
    const [alice, bob, carol] = (await newUsers(3)) as [TestUser, TestUser, TestUser];
    const roomId = await roomWith(alice, bob, carol);
    const sockets = [await alice.ws(), await bob.ws(), await carol.ws()];
    const sent = await sendToRoom(bob, roomId);
    for (const socket of sockets) expect(await socket.next(pushWithText(sent.message))).toEqual(pushedRoom(sent));
  });

  it('pushes a message sent over the socket to every member', async () => {
    const [alice, bob] = (await newUsers(2)) as [TestUser, TestUser];
    const roomId = await roomWith(alice, bob);
    const aliceSocket = await alice.ws();
    const bobSocket = await bob.ws();
    const sent = ackBody(await aliceSocket.request({ type: 'room.send', roomId, message: uniqueText() }));
    expect(await bobSocket.next(pushWithText(sent.message))).toEqual(pushedRoom(sent));
    expect(await aliceSocket.next(pushWithText(sent.message))).toEqual(pushedRoom(sent));
  });

  it('never reaches a user outside the room', async () => {
    const [alice, bob, carol] = (await newUsers(3)) as [TestUser, TestUser, TestUser];
    const roomId = await roomWith(alice, bob);
    const carolsRoom = await roomWith(alice, carol);
    const carolSocket = await carol.ws();
    const hidden = await sendToRoom(alice, roomId);
    const barrier = await sendToRoom(alice, carolsRoom);
    await carolSocket.next(pushWithText(barrier.message));
    await carolSocket.expectNothing(anythingAboutRoom(roomId));
    await carolSocket.expectNothing(pushWithText(hidden.message), 0);
  });

  // A room event reaches the room's members as the relay reads them when it publishes: a message posted just before
  // a join may still reach the newcomer live (it is history every member may read). Replay is exact: see resume.
  it('reaches a user who joined from then on', async () => {
    const [alice, bob] = (await newUsers(2)) as [TestUser, TestUser];
    const roomId = await createRoom(alice);
    const bobSocket = await bob.ws();
    await sendToRoom(alice, roomId);
    await joinRoom(bob, roomId);
    const after = await sendToRoom(alice, roomId);
    expect(await bobSocket.next(pushWithText(after.message))).toEqual(pushedRoom(after));
  });

  it('stops at once for a user who left: a message sent right after the leave returned never arrives', async () => {
    const [alice, bob] = (await newUsers(2)) as [TestUser, TestUser];
    const roomId = await roomWith(alice, bob);
    const barrierRoom = await roomWith(alice, bob);
    const bobSocket = await bob.ws();
    await leaveRoom(bob, roomId);
    const missed = await sendToRoom(alice, roomId);
    const barrier = await sendToRoom(alice, barrierRoom);
    await bobSocket.next(pushWithText(barrier.message));
    await bobSocket.expectNothing(pushWithText(missed.message));
  });

  it('reaches each member on every socket, on every gateway', async () => {
    const [alice, bob] = (await newUsers(2)) as [TestUser, TestUser];
    const roomId = await roomWith(alice, bob);
    const sockets = [await bob.ws(), await bob.ws({ gateway: bob.gatewayIndex + 1 })];
    const sent = await sendToRoom(alice, roomId);
    for (const socket of sockets) expect(await socket.next(pushWithText(sent.message))).toEqual(pushedRoom(sent));
  });
});

describe('pushes of membership changes', () => {
  it('tells the members and the joiner: {type: room.joined, roomId, userId}', async () => {
    const [alice, bob, carol] = (await newUsers(3)) as [TestUser, TestUser, TestUser];
    const roomId = await createRoom(alice);
    const aliceSocket = await alice.ws();
    const bobSocket = await bob.ws();
    const carolSocket = await carol.ws();
    await joinRoom(bob, roomId);
    const expected = { type: 'room.joined', roomId, userId: bob.userId, cursor: expect.any(String) };
    expect(await aliceSocket.next(roomEvent('room.joined', roomId, bob.userId))).toEqual(expected);
    expect(await bobSocket.next(roomEvent('room.joined', roomId, bob.userId))).toEqual(expected);
    const barrier = await sendPrivate(alice, carol);
    await carolSocket.next(pushWithText(barrier.message));
    await carolSocket.expectNothing(anythingAboutRoom(roomId));
  });

  it('tells the members and the leaver: {type: room.left, roomId, userId}', async () => {
    const [alice, bob] = (await newUsers(2)) as [TestUser, TestUser];
    const roomId = await roomWith(alice, bob);
    const aliceSocket = await alice.ws();
    const bobSocket = await bob.ws();
    await leaveRoom(bob, roomId);
    const expected = { type: 'room.left', roomId, userId: bob.userId, cursor: expect.any(String) };
    expect(await aliceSocket.next(roomEvent('room.left', roomId, bob.userId))).toEqual(expected);
    expect(await bobSocket.next(roomEvent('room.left', roomId, bob.userId))).toEqual(expected);
  });

  it('announces a join over the socket too, and not a second time for a repeated join', async () => {
    const [alice, bob] = (await newUsers(2)) as [TestUser, TestUser];
    const roomId = await createRoom(alice);
    const aliceSocket = await alice.ws();
    const bobSocket = await bob.ws();
    ackBody(await bobSocket.request({ type: 'room.join', roomId }));
    await aliceSocket.next(roomEvent('room.joined', roomId, bob.userId));
    ackBody(await bobSocket.request({ type: 'room.join', roomId }));
    const barrier = await sendToRoom(bob, roomId);
    await aliceSocket.next(pushWithText(barrier.message));
    await aliceSocket.expectNothing(roomEvent('room.joined', roomId, bob.userId));
  });
});

describe('closing sockets', () => {
  it('a closed socket no longer counts: the user\'s other socket still receives, and the gateway keeps serving', async () => {
    const [alice, bob] = (await newUsers(2)) as [TestUser, TestUser];
    const first = await bob.ws();
    const second = await bob.ws({ gateway: bob.gatewayIndex + 1 });
    await first.close();
    const sent = await sendPrivate(alice, bob);
    expect(await second.next(pushWithText(sent.message))).toEqual(pushedPrivate(sent));
    expect((await alice.http.get(`/users/${bob.userId}`)).status).toBe(200);
    const health = await fetch(`${gateway(bob.gatewayIndex).httpUrl}/health`);
    expect(health.status).toBe(200);
  });

  it('a user who reconnects receives on the new socket', async () => {
    const [alice, bob] = (await newUsers(2)) as [TestUser, TestUser];
    await (await bob.ws()).close();
    const fresh = await bob.ws();
    const sent = await sendPrivate(alice, bob);
    expect(await fresh.next(pushWithText(sent.message))).toEqual(pushedPrivate(sent));
  });
});
