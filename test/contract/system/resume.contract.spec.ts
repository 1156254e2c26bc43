import {
  ackBody, createRoom, gateway, joinRoom, leaveRoom, newUsers, pushWithText, roomHistory, privateHistory,
  roomWith, sendPrivate, sendToRoom, expectError, ChatSocket, type Frame, type TestUser,
} from '@chatterroom/test/harness/system';

/** A cursor of the documented shape naming a moment long before any retention: expired everywhere. */
const EXPIRED_CURSOR = Buffer.from('1.0.1000').toString('base64url');

const cursorOf = (socket: ChatSocket): string => socket.ready?.cursor as string;

/** The frames a resuming socket replayed: everything before its `resumed` frame, which is returned last. */
const replayOf = async (socket: ChatSocket): Promise<{ frames: readonly Frame[]; resumed: Frame }> => {
  const resumed = await socket.next((frame) => frame.type === 'resumed');
  const frames = socket.pending();
  for (const frame of frames) await socket.next((candidate) => candidate === frame);
  return { frames, resumed };
};

/** What a frame is about, for comparing sequences: the message text or the membership change. */
const gist = (frame: Frame): string =>
  frame.type === 'message' ? `message:${(frame.message as { message: string }).message}` : `${frame.type}:${String(frame.roomId)}:${String(frame.userId)}`;

/** Disconnects `user` and returns the cursor to resume from (that of `ready`). */
const goOffline = async (user: TestUser): Promise<string> => {
  const socket = await user.ws();
  const cursor = cursorOf(socket);
  await socket.close();
  return cursor;
};

describe('resume: ?since= on /ws/chat', () => {
  it('says ready with an opaque cursor, and pushes every event with one', async () => {
    const [alice, bob] = (await newUsers(2)) as [TestUser, TestUser];
    const socket = await bob.ws();
    expect(typeof cursorOf(socket)).toBe('string');
    const sent = await sendPrivate(alice, bob);
    const push = await socket.next(pushWithText(sent.message));
    expect(typeof push.cursor).toBe('string');
    expect(push.cursor).not.toBe(cursorOf(socket));
  });

  it('replays messages and membership changes missed while offline, in order, once, without rooms left at the time', async () => {
    const [alice, bob] = (await newUsers(2)) as [TestUser, TestUser];
    const roomId = await createRoom(alice);
    const since = await goOffline(bob);
    const dm = await sendPrivate(alice, bob);
    await joinRoom(bob, roomId);
    const inRoom = await sendToRoom(alice, roomId);
    await leaveRoom(bob, roomId);
    const afterLeaving = await sendToRoom(alice, roomId);

    const socket = await bob.ws({ since });
    expect(socket.ready).toEqual({ type: 'ready', userId: bob.userId, cursor: since });
    const { frames, resumed } = await replayOf(socket);
    expect(frames.map(gist)).toEqual([
      `message:${dm.message}`,
      `room.joined:${roomId}:${bob.userId}`,
      `message:${inRoom.message}`,
      `room.left:${roomId}:${bob.userId}`,
    ]);
    expect(frames.map(gist)).not.toContain(`message:${afterLeaving.message}`);
    expect(resumed).toEqual({ type: 'resumed', replayed: 4, cursor: frames.at(-1)?.cursor });

    const live = await sendPrivate(alice, bob);
    expect(await socket.next(pushWithText(live.message))).toMatchObject({ type: 'message', cursor: expect.any(String) });
    await socket.expectNothing((frame) => frame.type === 'message' && gist(frame) === `message:${dm.message}`);
  });

  it('resumes on another gateway from a cursor of the first', async () => {
    const [alice, bob] = (await newUsers(2)) as [TestUser, TestUser];
    const since = await goOffline(bob);
    const missed = [await sendPrivate(alice, bob), await sendPrivate(alice, bob)];
    const socket = await bob.ws({ gateway: bob.gatewayIndex + 1, since });
    const { frames } = await replayOf(socket);
    expect(frames.map(gist)).toEqual(missed.map((sent) => `message:${sent.message}`));
  });

  it('replays a first direct message from a stranger sent while offline', async () => {
    const [stranger, bob] = (await newUsers(2)) as [TestUser, TestUser];
    const since = await goOffline(bob);
    const first = await sendPrivate(stranger, bob);
    const { frames } = await replayOf(await bob.ws({ since }));
    expect(frames).toEqual([
      expect.objectContaining({ type: 'message', message: expect.objectContaining({ senderId: stranger.userId, message: first.message }) }),
    ]);
  });

  it('resumes from the cursor of the last event received, replaying nothing twice', async () => {
    const [alice, bob] = (await newUsers(2)) as [TestUser, TestUser];
    const first = await bob.ws();
    const seen = await sendPrivate(alice, bob);
    const cursor = (await first.next(pushWithText(seen.message))).cursor as string;
    await first.close();
    const missed = await sendPrivate(alice, bob);
    const { frames } = await replayOf(await bob.ws({ since: cursor }));
    expect(frames.map(gist)).toEqual([`message:${missed.message}`]);
  });

  it('replays after a resume frame sent first, acking where it ended', async () => {
    const [alice, bob] = (await newUsers(2)) as [TestUser, TestUser];
    const since = await goOffline(bob);
    const missed = await sendPrivate(alice, bob);
    const socket = await bob.ws();
    const ack = ackBody(await socket.request({ type: 'resume', since }));
    // Replayed, or pushed live if the message was published only after the socket opened: once either way.
    expect(ack).toEqual({ cursor: expect.any(String), replayed: expect.any(Number) });
    await socket.next(pushWithText(missed.message));
    const barrier = await sendPrivate(alice, bob);
    await socket.next(pushWithText(barrier.message));
    await socket.expectNothing(pushWithText(missed.message));
  });

  it('answers an expired cursor with a resync frame and the current cursor, then goes on live', async () => {
    const [alice, bob] = (await newUsers(2)) as [TestUser, TestUser];
    const socket = await bob.ws({ since: EXPIRED_CURSOR });
    const resync = await socket.next((frame) => frame.type === 'resync');
    expect(resync).toEqual({ type: 'resync', cursor: expect.any(String), code: 'SYNC_CURSOR_EXPIRED', message: expect.any(String) });
    const live = await sendPrivate(alice, bob);
    await socket.next(pushWithText(live.message));
  });

  it('refuses a since that is not a cursor before the upgrade (400 SYNC_CURSOR_INVALID)', async () => {
    const [bob] = (await newUsers(1)) as [TestUser];
    const refused = await ChatSocket.rejection(gateway(bob.gatewayIndex).wsUrl, { token: bob.token, since: 'not-a-cursor' });
    expect(refused).toEqual({ status: 400, body: expect.objectContaining({ code: 'SYNC_CURSOR_INVALID' }) });
  });
});

describe('GET /sync', () => {
  it('answers the current cursor without since, then pages the events after it', async () => {
    const [alice, bob] = (await newUsers(2)) as [TestUser, TestUser];
    const start = await bob.http.get('/sync');
    expect(start.status).toBe(200);
    expect(start.body).toEqual({ events: [], cursor: expect.any(String), hasMore: false });
    const roomId = await roomWith(alice, bob);
    const sent = [await sendPrivate(alice, bob), await sendToRoom(alice, roomId), await sendPrivate(bob, alice), await sendToRoom(bob, roomId)];

    const seen: Frame[] = [];
    let cursor = start.body.cursor as string;
    const pages: boolean[] = [];
    for (let more = true; more; ) {
      const page = await bob.http.get(`/sync?since=${encodeURIComponent(cursor)}&limit=2`);
      expect(page.status).toBe(200);
      expect(page.body.events.length).toBeLessThanOrEqual(2);
      seen.push(...(page.body.events as Frame[]));
      cursor = page.body.cursor as string;
      more = page.body.hasMore as boolean;
      pages.push(more);
    }
    expect(seen.map(gist)).toEqual([`room.joined:${roomId}:${bob.userId}`, ...sent.map((one) => `message:${one.message}`)]);
    expect(pages.slice(0, -1).every(Boolean)).toBe(true);
    expect(seen.every((frame) => typeof frame.cursor === 'string')).toBe(true);
    expect((await bob.http.get(`/sync?since=${encodeURIComponent(cursor)}`)).body).toEqual({ events: [], cursor, hasMore: false });
  });

  it('answers 410 SYNC_CURSOR_EXPIRED for a cursor older than the retention, 400 for one that is not a cursor', async () => {
    const [bob] = (await newUsers(1)) as [TestUser];
    expectError(await bob.http.get(`/sync?since=${EXPIRED_CURSOR}`), 410, 'SYNC_CURSOR_EXPIRED');
    expectError(await bob.http.get('/sync?since=garbage'), 400, 'SYNC_CURSOR_INVALID');
    expectError(await bob.http.get(`/sync?since=${Buffer.from('2.1.1').toString('base64url')}`), 400, 'SYNC_CURSOR_INVALID');
    expectError(await bob.http.get('/sync?limit=0'), 400, 'VALIDATION_FAILED');
    expectError(await bob.http.get('/sync?limit=501'), 400, 'VALIDATION_FAILED');
  });
});

describe('history pages forwards', () => {
  it('pages a room and a private conversation forwards with ?after=', async () => {
    const [alice, bob] = (await newUsers(2)) as [TestUser, TestUser];
    const roomId = await roomWith(alice, bob);
    const inRoom = [await sendToRoom(alice, roomId), await sendToRoom(bob, roomId), await sendToRoom(alice, roomId)];
    const page = await roomHistory(bob, roomId, { after: inRoom[0]!.messageId as string, limit: 1 });
    expect(page.map((entry) => entry.messageId)).toEqual([inRoom[1]!.messageId]);
    expect((await roomHistory(bob, roomId, { after: inRoom[0]!.messageId as string })).map((entry) => entry.messageId)).toEqual(
      inRoom.slice(1).map((sent) => sent.messageId),
    );
    const direct = [await sendPrivate(alice, bob), await sendPrivate(bob, alice)];
    expect((await privateHistory(alice, bob, { after: direct[0]!.messageId as string })).map((entry) => entry.messageId)).toEqual([
      direct[1]!.messageId,
    ]);
    expectError(await alice.http.get(`/chats/room/${roomId}/history?after=${inRoom[0]!.messageId as string}&before=${inRoom[2]!.messageId as string}`), 400, 'VALIDATION_FAILED');
  });
});
