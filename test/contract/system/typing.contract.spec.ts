import { ackBody, errorBody, newUsers, roomWith, type Frame, type TestUser } from '@chatterroom/test/harness/system';

const typingOf = (userId: number, roomId?: number) => (frame: Frame) =>
  frame.type === 'typing' && frame.userId === userId && frame.roomId === roomId;

describe('typing notices', () => {
  it('reach the other person of a private conversation on another gateway, not the typist', async () => {
    const [alice, bob] = (await newUsers(2)) as [TestUser, TestUser];
    const aliceSocket = await alice.ws();
    const bobElsewhere = await bob.ws({ gateway: alice.gatewayIndex + 1 });
    expect(ackBody(await aliceSocket.request({ type: 'typing', to: bob.userId }))).toEqual({ forwarded: true });
    expect(await bobElsewhere.next(typingOf(alice.userId))).toEqual({ type: 'typing', userId: alice.userId });
    await aliceSocket.expectNothing((frame) => frame.type === 'typing');
  });

  it("reach a room's other members on every gateway, and only them", async () => {
    const [alice, bob, carol, outsider] = (await newUsers(4)) as [TestUser, TestUser, TestUser, TestUser];
    const roomId = await roomWith(alice, bob, carol);
    const sockets = { bob: await bob.ws(), carol: await carol.ws({ gateway: bob.gatewayIndex + 1 }), outsider: await outsider.ws() };
    const aliceSocket = await alice.ws();
    aliceSocket.send({ type: 'typing', roomId });
    expect(await sockets.bob.next(typingOf(alice.userId, roomId))).toEqual({ type: 'typing', userId: alice.userId, roomId });
    expect(await sockets.carol.next(typingOf(alice.userId, roomId))).toEqual({ type: 'typing', userId: alice.userId, roomId });
    await sockets.outsider.expectNothing((frame) => frame.type === 'typing');
  });

  it('forwards at most one notice per 2 s per conversation: the rest are acked forwarded:false', async () => {
    const [alice, bob] = (await newUsers(2)) as [TestUser, TestUser];
    const aliceSocket = await alice.ws();
    const bobSocket = await bob.ws();
    const results = [];
    for (let i = 0; i < 5; i += 1) results.push(ackBody(await aliceSocket.request({ type: 'typing', to: bob.userId })).forwarded);
    expect(results.filter(Boolean).length).toBeLessThan(results.length);
    expect(results[0]).toBe(true);
    await bobSocket.next(typingOf(alice.userId));
  });

  it("counts one user's notices on every gateway: two devices behind two gateways typing at once are forwarded once", async () => {
    const [alice, bob] = (await newUsers(2)) as [TestUser, TestUser];
    const roomId = await roomWith(alice, bob);
    const devices = [await alice.ws(), await alice.ws({ gateway: alice.gatewayIndex + 1 })];
    const bobSocket = await bob.ws();
    const acks = await Promise.all(devices.map((device) => device.request({ type: 'typing', roomId })));
    expect(acks.map((ack) => ackBody(ack).forwarded).filter(Boolean)).toHaveLength(1);
    await bobSocket.next(typingOf(alice.userId, roomId));
  });

  it('is refused outside a room (CHAT_NOT_A_ROOM_MEMBER) and without exactly one target (VALIDATION_FAILED)', async () => {
    const [alice, bob] = (await newUsers(2)) as [TestUser, TestUser];
    const roomId = await roomWith(bob);
    const socket = await alice.ws();
    expect(errorBody(await socket.request({ type: 'typing', roomId })).code).toBe('CHAT_NOT_A_ROOM_MEMBER');
    expect(errorBody(await socket.request({ type: 'typing' })).code).toBe('VALIDATION_FAILED');
    expect(errorBody(await socket.request({ type: 'typing', to: bob.userId, roomId })).code).toBe('VALIDATION_FAILED');
    expect(errorBody(await socket.request({ type: 'typing', to: 'x' })).code).toBe('VALIDATION_FAILED');
  });

  it('is never stored: the history does not change', async () => {
    const [alice, bob] = (await newUsers(2)) as [TestUser, TestUser];
    const socket = await alice.ws();
    await socket.request({ type: 'typing', to: bob.userId });
    expect((await alice.http.get(`/chats/private/${bob.userId}/history`)).body).toEqual([]);
  });
});
