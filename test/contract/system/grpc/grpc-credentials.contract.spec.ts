import { GrpcCaller, newRegistration, newUser, roomWith, sendPrivate, type GrpcAnswer, type TestUser } from '@chatterroom/test/harness/system';

/*
 * The attacker's view of the gRPC services: straight to the user and chat services, past
 * the gateways, with no credential, a forged one, or another user's. Runs only against
 * targets with gRPC services (the `grpc` capability).
 */

const bearer = (token: string) => `Bearer ${token}`;

/** The token with its signature changed: what a forger without the key can make. */
const forged = (token: string): string => {
  const [header, payload, signature = ''] = token.split('.');
  const flipped = `${signature[0] === 'A' ? 'B' : 'A'}${signature.slice(1)}`;
  return [header, payload, flipped].join('.');
};

/** A token claiming to be `userId`, signed with a key of our own. */
const selfSigned = (userId: number): string => {
  const part = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const now = Math.floor(Date.now() / 1000);
  return `${part({ alg: 'HS256', typ: 'JWT' })}.${part({ sub: String(userId), iat: now, exp: now + 3600 })}.${'x'.repeat(43)}`;
};

/** The session id (`sid`) an access token names. */
const sessionIdOf = (token: string): string =>
  (JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8')) as { sid: string }).sid;

const refusedAs = (status: string, code: string): GrpcAnswer => ({ status, code });
const UNAUTHENTICATED_MISSING = refusedAs('UNAUTHENTICATED', 'AUTH_MISSING_TOKEN');
const UNAUTHENTICATED_INVALID = refusedAs('UNAUTHENTICATED', 'AUTH_INVALID_TOKEN');
const FORBIDDEN = refusedAs('PERMISSION_DENIED', 'AUTH_FORBIDDEN');

describe('gRPC services: every call carries a credential', () => {
  let users: GrpcCaller;
  let chat: GrpcCaller;
  let alice: TestUser;
  let bob: TestUser;
  let mallory: TestUser;
  let roomId: number;
  let doomedRoomId: number;

  beforeAll(async () => {
    users = GrpcCaller.users();
    chat = GrpcCaller.chat();
    [alice, bob, mallory] = [await newUser(), await newUser(), await newUser()];
    roomId = await roomWith(alice, bob);
    doomedRoomId = await roomWith(alice);
    await sendPrivate(alice, bob, 'a secret between alice and bob');
  });
  afterAll(() => {
    users.close();
    chat.close();
  });

  /** Every chat RPC, acting as `victim` (leaving last, so the calls before it act as a member). */
  const chatCallsAs = (victim: TestUser, other: TestUser): Array<[string, object]> => [
    ['SendPrivateMessage', { fromUserId: victim.userId, toUserId: other.userId, message: 'sent as someone else' }],
    ['GetPrivateChatHistory', { fromUserId: victim.userId, toUserId: other.userId }],
    ['SendRoomMessage', { userId: victim.userId, roomId, message: 'sent as someone else' }],
    ['GetRoomHistory', { userId: victim.userId, roomId }],
    ['CreateRoom', { userId: victim.userId, roomName: 'not mine' }],
    ['JoinRoom', { userId: victim.userId, roomId }],
    ['ListRooms', { userId: victim.userId }],
    ['GetRoom', { userId: victim.userId, roomId }],
    ['ListRoomMembers', { userId: victim.userId, roomId }],
    ['ListPublicRooms', { userId: victim.userId }],
    ['UpdateRoom', { userId: victim.userId, roomId, name: 'renamed by its owner' }],
    ['RemoveRoomMember', { userId: victim.userId, roomId, memberId: other.userId }],
    ['AddRoomMember', { userId: victim.userId, roomId, memberId: other.userId }],
    ['SetRoomRole', { userId: victim.userId, roomId, memberId: other.userId, role: 'admin' }],
    ['DeleteRoom', { userId: victim.userId, roomId: doomedRoomId }],
    ['LeaveRoom', { userId: victim.userId, roomId }],
  ];
  const userLookups = (): Array<[string, object]> => [
    ['GetUser', { userId: alice.userId }],
    ['GetUsers', { userIds: [alice.userId, bob.userId] }],
  ];

  it('refuses every chat and user lookup call without a credential: UNAUTHENTICATED, AUTH_MISSING_TOKEN', async () => {
    for (const [method, request] of chatCallsAs(alice, bob)) {
      expect([method, await chat.call(method, request)]).toEqual([method, UNAUTHENTICATED_MISSING]);
    }
    for (const [method, request] of userLookups()) {
      expect([method, await users.call(method, request)]).toEqual([method, UNAUTHENTICATED_MISSING]);
    }
  });

  it('refuses forged and self-signed tokens and an unknown service credential: UNAUTHENTICATED, AUTH_INVALID_TOKEN', async () => {
    for (const credential of [bearer(forged(alice.token)), bearer(selfSigned(alice.userId)), 'Service not-the-service-token', 'Basic YWxpY2U6']) {
      for (const [method, request] of chatCallsAs(alice, bob)) {
        expect([method, credential, await chat.call(method, request, credential)]).toEqual([method, credential, UNAUTHENTICATED_INVALID]);
      }
      for (const [method, request] of userLookups()) {
        expect([method, credential, await users.call(method, request, credential)]).toEqual([method, credential, UNAUTHENTICATED_INVALID]);
      }
    }
  });

  it("refuses every chat call that acts as another user with the caller's own token: PERMISSION_DENIED, AUTH_FORBIDDEN", async () => {
    for (const [method, request] of chatCallsAs(alice, bob)) {
      expect([method, await chat.call(method, request, bearer(mallory.token))]).toEqual([method, FORBIDDEN]);
    }
  });

  it('runs every chat call that acts as the caller', async () => {
    for (const [method, request] of chatCallsAs(alice, bob)) {
      expect([method, (await chat.call(method, request, bearer(alice.token))).status]).toEqual([method, 'OK']);
    }
  });

  it("does not let a stranger read a private chat or post as its members", async () => {
    const history = await chat.call('GetPrivateChatHistory', { fromUserId: alice.userId, toUserId: bob.userId }, bearer(mallory.token));
    expect(history).toEqual(FORBIDDEN);
    const own = await chat.call('GetPrivateChatHistory', { fromUserId: mallory.userId, toUserId: bob.userId }, bearer(mallory.token));
    expect(own).toEqual({ status: 'OK', reply: { messages: [] } });
  });

  it('shows the email only to its owner', async () => {
    const byOwner = await users.call('GetUser', { userId: alice.userId }, bearer(alice.token));
    const byStranger = await users.call('GetUser', { userId: alice.userId }, bearer(mallory.token));
    expect(byOwner).toEqual({ status: 'OK', reply: { userId: alice.userId, username: alice.username, email: alice.email } });
    expect(byStranger).toEqual({ status: 'OK', reply: { userId: alice.userId, username: alice.username, email: '' } });
  });

  it('lets only the session owner list, revoke and get tickets for sessions: PERMISSION_DENIED, AUTH_FORBIDDEN otherwise', async () => {
    const sessionId = sessionIdOf(alice.token);
    const calls: Array<[string, object]> = [
      ['ListSessions', { userId: alice.userId, currentSessionId: sessionId }],
      ['IssueWsTicket', { userId: alice.userId, sessionId, expiresAt: new Date(Date.now() + 60_000).toISOString() }],
      ['RevokeSession', { userId: alice.userId, sessionId }],
    ];
    for (const [method, request] of calls) {
      expect([method, await users.call(method, request)]).toEqual([method, UNAUTHENTICATED_MISSING]);
      expect([method, await users.call(method, request, bearer(mallory.token))]).toEqual([method, FORBIDDEN]);
    }
    const listed = await users.call('ListSessions', { userId: alice.userId, currentSessionId: sessionId }, bearer(alice.token));
    expect(listed.status).toBe('OK');
  });

  it('redeems a WebSocket ticket without a credential, answering a fresh token of its session that the services accept', async () => {
    const sessionId = sessionIdOf(bob.token);
    const issued = await users.call('IssueWsTicket', { userId: bob.userId, sessionId, expiresAt: new Date(Date.now() + 60_000).toISOString() }, bearer(bob.token));
    expect(issued.status).toBe('OK');
    const redeemed = await users.call('RedeemWsTicket', { ticket: issued.reply.ticket });
    expect(redeemed).toEqual({ status: 'OK', reply: { userId: bob.userId, sessionId, expiresAt: expect.any(String), token: expect.any(String) } });
    expect(sessionIdOf(redeemed.reply.token)).toBe(sessionId);
    const me = await users.call('GetUser', { userId: bob.userId }, bearer(redeemed.reply.token));
    expect(me.reply).toEqual({ userId: bob.userId, username: bob.username, email: bob.email });
    expect(await users.call('RedeemWsTicket', { ticket: issued.reply.ticket })).toMatchObject({ status: 'UNAUTHENTICATED', code: 'AUTH_INVALID_TICKET' });
  });

  it('keeps registration and sign-in open, as over HTTP', async () => {
    const registration = newRegistration('grpc');
    const created = await users.call('CreateUser', registration);
    expect(created).toEqual({ status: 'OK', reply: { userId: expect.any(Number), username: registration.username, email: registration.email } });
    const signedIn = await users.call('AuthenticateUser', { username: registration.username, password: registration.password });
    expect(signedIn).toEqual({
      status: 'OK',
      reply: { token: expect.any(String), refreshToken: expect.any(String), expiresIn: expect.any(Number), sessionId: expect.any(String) },
    });
    const me = await users.call('GetUser', { userId: created.reply.userId }, bearer(signedIn.reply.token));
    expect(me.reply).toEqual({ userId: created.reply.userId, username: registration.username, email: registration.email });
  });
});
