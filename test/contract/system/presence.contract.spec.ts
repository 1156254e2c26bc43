import { ackBody, errorBody, newUsers, type Frame, type TestUser } from '@chatterroom/test/harness/system';

const presenceOf = (userId: number, status: 'online' | 'offline') => (frame: Frame) =>
  frame.type === 'presence' && frame.userId === userId && frame.status === status;

describe('presence', () => {
  it('answers the current states, then pushes online and offline (with lastSeenAt) of a user on another gateway', async () => {
    const [alice, bob] = (await newUsers(2)) as [TestUser, TestUser];
    const watcher = await alice.ws();
    expect(ackBody(await watcher.request({ type: 'presence.subscribe', userIds: [bob.userId] }))).toEqual({
      users: [{ userId: bob.userId, status: 'offline' }],
    });
    const bobSocket = await bob.ws({ gateway: alice.gatewayIndex + 1 });
    expect(await watcher.next(presenceOf(bob.userId, 'online'))).toEqual({ type: 'presence', userId: bob.userId, status: 'online' });
    expect((await alice.http.get(`/users/${bob.userId}`)).body.presence).toEqual({ status: 'online' });

    const second = await bob.ws();
    await bobSocket.close();
    expect((await alice.http.get(`/users/${bob.userId}`)).body.presence).toEqual({ status: 'online' });
    await second.close();
    const offline = await watcher.next(presenceOf(bob.userId, 'offline'));
    expect(offline).toEqual({ type: 'presence', userId: bob.userId, status: 'offline', lastSeenAt: expect.any(String) });
    expect((await alice.http.get(`/users/${bob.userId}`)).body.presence).toEqual({ status: 'offline', lastSeenAt: offline.lastSeenAt });
    expect(ackBody(await watcher.request({ type: 'presence.subscribe', userIds: [bob.userId, alice.userId] })).users).toEqual([
      { userId: bob.userId, status: 'offline', lastSeenAt: offline.lastSeenAt },
      { userId: alice.userId, status: 'online' },
    ]);
  });

  it('pushes changes only to the sockets that watch that user', async () => {
    const [alice, bob, carol] = (await newUsers(3)) as [TestUser, TestUser, TestUser];
    const watchesBob = await alice.ws();
    const watchesNobody = await carol.ws();
    await watchesBob.request({ type: 'presence.subscribe', userIds: [bob.userId] });
    await watchesNobody.request({ type: 'presence.subscribe', userIds: [] });
    await bob.ws();
    await watchesBob.next(presenceOf(bob.userId, 'online'));
    await watchesNobody.expectNothing((frame) => frame.type === 'presence');
  });

  it('refuses more than 500 users and malformed lists (VALIDATION_FAILED)', async () => {
    const [alice] = (await newUsers(1)) as [TestUser];
    const socket = await alice.ws();
    const tooMany = Array.from({ length: 501 }, (_, i) => i + 1);
    expect(errorBody(await socket.request({ type: 'presence.subscribe', userIds: tooMany })).code).toBe('VALIDATION_FAILED');
    expect(errorBody(await socket.request({ type: 'presence.subscribe', userIds: ['x'] })).code).toBe('VALIDATION_FAILED');
    expect(errorBody(await socket.request({ type: 'presence.subscribe' })).code).toBe('VALIDATION_FAILED');
    expect(ackBody(await socket.request({ type: 'presence.subscribe', userIds: tooMany.slice(0, 500) })).users).toHaveLength(500);
  });
});
