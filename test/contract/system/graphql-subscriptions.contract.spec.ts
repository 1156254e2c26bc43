import { GraphqlSubscriber, graphqlFor, subscriberFor, subscriberWith, untilDelivering, withText, type LiveSubscription, type Result } from '@chatterroom/test/harness/graphql';
import { createRoom, createRoomWith, joinRoom, leaveRoom, newUsers, roomWith, sendPrivate, sendToRoom, uniqueText, type Json, type TestUser } from '@chatterroom/test/harness/system';

afterEach(() => GraphqlSubscriber.closeAll());

const MESSAGE = 'messageId kind senderId recipientId roomId message timestamp seq sender { userId username }';

/** Waits until `subscription` delivers, probing with private messages from `from` to `to`. */
const livePrivate = (subscription: LiveSubscription, from: TestUser, to: TestUser) =>
  untilDelivering(subscription, async () => (await sendPrivate(from, to, uniqueText('probe'))).message);

/** Waits until `subscription` delivers, probing with messages of `from` in `roomId`. */
const liveRoom = (subscription: LiveSubscription, from: TestUser, roomId: number) =>
  untilDelivering(subscription, async () => (await sendToRoom(from, roomId, uniqueText('probe'))).message);

describe('GraphQL subscriptions', () => {
  it('messageAdded delivers a private message to the recipient and the sender, on every gateway', async () => {
    const [alice, bob] = (await newUsers(2)) as [TestUser, TestUser];
    const bobs = subscriberFor(bob).subscribe(`subscription { messageAdded { ${MESSAGE} } }`);
    const alicesElsewhere = subscriberFor(alice, alice.gatewayIndex + 1).subscribe(`subscription { messageAdded { ${MESSAGE} } }`);
    await livePrivate(bobs, alice, bob);
    await livePrivate(alicesElsewhere, bob, alice);

    const sent = await sendPrivate(alice, bob);
    const expected = {
      messageAdded: {
        messageId: sent.messageId, kind: 'private', senderId: alice.userId, recipientId: bob.userId, roomId: null,
        message: sent.message, timestamp: sent.timestamp, seq: sent.seq, sender: { userId: alice.userId, username: alice.username },
      },
    };
    expect((await bobs.next(withText(sent.message))).data).toEqual(expected);
    expect((await alicesElsewhere.next(withText(sent.message))).data).toEqual(expected);
  });

  it('a message sent through one gateway reaches a subscriber on another', async () => {
    const [alice, bob] = (await newUsers(2)) as [TestUser, TestUser];
    const roomId = await roomWith(alice, bob);
    const bobs = subscriberFor(bob, alice.gatewayIndex + 1).subscribe('subscription { messageAdded { message roomId sender { username } } }');
    await liveRoom(bobs, alice, roomId);
    const text = uniqueText();
    await graphqlFor(alice).data(`mutation { sendRoomMessage(roomId: ${roomId}, message: "${text}") { seq } }`);
    expect((await bobs.next(withText(text))).data).toEqual({ messageAdded: { message: text, roomId, sender: { username: alice.username } } });
  });

  it('roomMessageAdded delivers one room to its members, and nothing else', async () => {
    const [alice, bob] = (await newUsers(2)) as [TestUser, TestUser];
    const roomId = await roomWith(alice, bob);
    const otherRoom = await roomWith(alice, bob);
    const bobs = subscriberFor(bob).subscribe('subscription($roomId: Int!) { roomMessageAdded(roomId: $roomId) { messageId roomId message senderId } }', { roomId });
    await liveRoom(bobs, alice, roomId);
    const elsewhere = await sendToRoom(alice, otherRoom);
    const privately = await sendPrivate(alice, bob);
    const here = await sendToRoom(alice, roomId);
    expect((await bobs.next(withText(here.message))).data).toEqual({
      roomMessageAdded: { messageId: here.messageId, roomId, message: here.message, senderId: alice.userId },
    });
    expect(bobs.pending().filter((result) => withText(elsewhere.message)(result) || withText(privately.message)(result))).toEqual([]);
  });

  it('roomMessageAdded refuses a non-member with CHAT_NOT_A_ROOM_MEMBER', async () => {
    const [alice, eve] = (await newUsers(2)) as [TestUser, TestUser];
    const roomId = await createRoom(alice);
    const ending = await subscriberFor(eve).subscribe(`subscription { roomMessageAdded(roomId: ${roomId}) { message } }`).ending();
    expect(ending).toEqual({ kind: 'errors', errors: [expect.objectContaining({ extensions: { code: 'CHAT_NOT_A_ROOM_MEMBER' } })] });
  });

  it('stops delivering a room to a member who left it, until they join again', async () => {
    const [alice, bob] = (await newUsers(2)) as [TestUser, TestUser];
    const roomId = await roomWith(alice, bob);
    const everything = subscriberFor(bob).subscribe('subscription { messageAdded { message } }');
    const room = subscriberFor(bob).subscribe(`subscription { roomMessageAdded(roomId: ${roomId}) { message } }`);
    await liveRoom(everything, alice, roomId);
    await liveRoom(room, alice, roomId);
    await leaveRoom(bob, roomId);
    const whileAway = await sendToRoom(alice, roomId);
    await joinRoom(bob, roomId);
    const afterReturn = await sendToRoom(alice, roomId);
    for (const subscription of [everything, room]) {
      await subscription.next(withText(afterReturn.message));
      expect(subscription.pending().filter(withText(whileAway.message))).toEqual([]);
    }
  });

  it('refuses a connection_init without a valid token by closing with 4403', async () => {
    const [alice] = (await newUsers(1)) as [TestUser];
    const query = 'subscription { messageAdded { message } }';
    const forged = await subscriberWith({ token: `${alice.token}x` }).subscribe(query).ending();
    expect(forged).toEqual({ kind: 'closed', code: 4403, reason: 'Forbidden' });
    expect(await subscriberWith({}, 1).subscribe(query).ending()).toEqual({ kind: 'closed', code: 4403, reason: 'Forbidden' });
    const viaHeader = subscriberWith({ headers: { authorization: `Bearer ${alice.token}` } }).subscribe(query);
    await livePrivate(viaHeader, alice, alice);
  });
});

describe('GraphQL subscriptions resumed from a cursor (since)', () => {
  /** A cursor of the documented shape naming a moment long before any retention: expired everywhere. */
  const EXPIRED_CURSOR = Buffer.from('1.0.1000').toString('base64url');

  it('replay the messages missed since a /ws/chat cursor, in order and once each, then go on live', async () => {
    const [alice, bob] = (await newUsers(2)) as [TestUser, TestUser];
    const socket = await bob.ws();
    const since = socket.ready?.cursor as string;
    await socket.close();
    const missed: Json[] = [];
    for (let i = 0; i < 4; i += 1) missed.push(await sendPrivate(alice, bob, uniqueText(`missed ${i}`)));
    const edited = (await alice.http.patch(`/chats/messages/${missed[0]!.messageId}`, { message: uniqueText('edited') })).body;

    const added = subscriberFor(bob, bob.gatewayIndex + 1).subscribe('subscription ($since: String) { messageAdded(since: $since) { messageId message seq } }', { since });
    const changes = subscriberFor(bob).subscribe('subscription ($since: String) { messageEdited(since: $since) { messageId message } }', { since });
    for (const sent of missed) {
      expect((await added.next()).data).toEqual({ messageAdded: { messageId: sent.messageId, message: sent.message, seq: sent.seq } });
    }
    expect((await changes.next()).data).toEqual({ messageEdited: { messageId: edited.messageId, message: edited.message } });
    await livePrivate(added, alice, bob);
    expect(added.pending().filter((result) => missed.some((sent) => withText(sent.message)(result)))).toEqual([]);
  });

  it('answer an expired cursor with SYNC_CURSOR_EXPIRED and a malformed one with SYNC_CURSOR_INVALID', async () => {
    const [bob] = (await newUsers(1)) as [TestUser];
    const expired = await subscriberFor(bob).subscribe(`subscription { messageAdded(since: "${EXPIRED_CURSOR}") { message } }`).ending();
    expect(expired).toEqual({ kind: 'errors', errors: [expect.objectContaining({ extensions: { code: 'SYNC_CURSOR_EXPIRED' } })] });
    const malformed = await subscriberFor(bob).subscribe('subscription { messageDeleted(since: "not a cursor") { message } }').ending();
    expect(malformed).toEqual({ kind: 'errors', errors: [expect.objectContaining({ extensions: { code: 'SYNC_CURSOR_INVALID' } })] });
    for (const field of ['readMarkerMoved(since: $since) { seq }', 'roomEvents(since: $since) { type }']) {
      const query = `subscription ($since: String) { ${field} }`;
      expect(await subscriberFor(bob).subscribe(query, { since: EXPIRED_CURSOR }).ending()).toEqual({
        kind: 'errors',
        errors: [expect.objectContaining({ extensions: { code: 'SYNC_CURSOR_EXPIRED' } })],
      });
      expect(await subscriberFor(bob).subscribe(query, { since: 'not a cursor' }).ending()).toEqual({
        kind: 'errors',
        errors: [expect.objectContaining({ extensions: { code: 'SYNC_CURSOR_INVALID' } })],
      });
    }
  });

  it('readMarkerMoved replays the read receipts moved since the cursor, in order and once each, then goes on live', async () => {
    const [alice, bob] = (await newUsers(2)) as [TestUser, TestUser];
    const sent = [await sendPrivate(alice, bob), await sendPrivate(alice, bob), await sendPrivate(alice, bob)];
    const socket = await bob.ws();
    const since = socket.ready?.cursor as string;
    await socket.close();
    for (const message of sent.slice(0, 2)) expect((await bob.http.post(`/chats/private/${alice.userId}/read`, { seq: message.seq })).status).toBe(200);

    const receipts = subscriberFor(bob, bob.gatewayIndex + 1).subscribe('subscription ($since: String) { readMarkerMoved(since: $since) { kind userId peerId seq } }', { since });
    for (const message of sent.slice(0, 2)) {
      expect((await receipts.next()).data).toEqual({ readMarkerMoved: { kind: 'private', userId: bob.userId, peerId: alice.userId, seq: message.seq } });
    }
    const seqOf = (result: Result) => (result.data as { readMarkerMoved?: { seq?: number } } | null)?.readMarkerMoved?.seq;
    let live: number | undefined;
    for (let seq = sent[2]!.seq as number; live === undefined; seq = (await sendPrivate(alice, bob)).seq as number) {
      expect((await bob.http.post(`/chats/private/${alice.userId}/read`, { seq })).status).toBe(200);
      live = seqOf(await receipts.next((result) => seqOf(result) === seq, 2_000).catch(() => ({ data: null })));
    }
    expect(receipts.pending().map(seqOf).filter((seq) => seq === sent[0]!.seq || seq === sent[1]!.seq)).toEqual([]);
  });

  it('roomEvents replays the room changes since the cursor, in order and once each, then goes on live', async () => {
    const [owner, bob, carol] = (await newUsers(3)) as [TestUser, TestUser, TestUser];
    const socket = await bob.ws();
    const roomId = await createRoomWith(owner, { members: [bob] });
    // the cursor of bob's own member-added push: on the split deployment an event gets its place in the
    // log after the request that caused it was answered, so a cursor read at once could still precede it
    const added = await socket.next((frame) => frame.type === 'room.member-added' && frame.roomId === roomId && frame.userId === bob.userId);
    const since = added.cursor as string;
    await socket.close();
    const name = uniqueText('renamed');
    await owner.http.post(`/rooms/${roomId}/members`, { userId: carol.userId });
    await owner.http.patch(`/rooms/${roomId}`, { name });

    const events = subscriberFor(bob, owner.gatewayIndex + 1).subscribe('subscription ($since: String) { roomEvents(since: $since) { type roomId userId name } }', { since });
    expect((await events.next()).data).toEqual({ roomEvents: { type: 'room.member-added', roomId, userId: carol.userId, name: null } });
    expect((await events.next()).data).toEqual({ roomEvents: { type: 'room.updated', roomId, userId: null, name } });
    await untilDelivering(events, async () => {
      const probe = uniqueText('probe');
      await owner.http.patch(`/rooms/${roomId}`, { name: probe });
      return probe;
    });
    const typeOf = (result: Result) => (result.data as { roomEvents?: { type?: string } } | null)?.roomEvents?.type;
    expect(events.pending().map(typeOf).filter((type) => type === 'room.member-added')).toEqual([]);
  });
});
