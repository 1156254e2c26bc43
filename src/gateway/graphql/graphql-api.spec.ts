import { DomainError } from '@chatterroom/kernel';
import { codesOf, graphqlInject } from '@chatterroom/test/kits/gateway/graphql-inject';
import { signUp, startGatewayTestKit, type GatewayTestKit } from '@chatterroom/test/kits/gateway/gateway-test-kit';

describe('GraphQL queries and mutations', () => {
  let kit: GatewayTestKit;
  let gql: ReturnType<typeof graphqlInject>;

  beforeEach(async () => {
    kit = await startGatewayTestKit();
    gql = graphqlInject(kit.app);
  });

  afterEach(() => kit.app.close());

  it('registers and signs in without a token, and the token then works', async () => {
    const created = await gql('mutation { createUser(username: "grace", email: "Grace@Example.test", password: "pw-long-enough") { userId username email } }');
    expect(created).toEqual({ status: 200, body: { data: { createUser: { userId: expect.any(Number), username: 'grace', email: 'grace@example.test' } } } });
    const signedIn = await gql('mutation { authenticate(username: "grace", password: "pw-long-enough") { token } }');
    const token = signedIn.body.data.authenticate.token as string;
    expect((await gql('{ me { username } }', { token })).body).toEqual({ data: { me: { username: 'grace' } } });
  });

  it('shows the email to its owner only, as HTTP does', async () => {
    const alice = await signUp(kit.users, 'alice');
    const bob = await signUp(kit.users, 'bob');
    const answer = await gql(`{ me { userId email } user(id: ${bob.userId}) { userId username email } }`, { token: alice.token });
    expect(answer.body.data).toEqual({
      me: { userId: alice.userId, email: alice.email },
      user: { userId: bob.userId, username: bob.username, email: null },
    });
  });

  it('answers every field but createUser and authenticate with AUTH_MISSING_TOKEN or AUTH_INVALID_TOKEN', async () => {
    const missing = await gql('{ rooms { roomId } }');
    expect(missing).toEqual({ status: 200, body: { data: null, errors: [expect.objectContaining({ path: ['rooms'] })] } });
    expect(codesOf(missing)).toEqual(['AUTH_MISSING_TOKEN']);
    expect(codesOf(await gql('{ me { userId } }', { token: 'forged' }))).toEqual(['AUTH_INVALID_TOKEN']);
  });

  it('sends, lists and pages a private conversation, showing clientMessageId to the sender only', async () => {
    const alice = await signUp(kit.users, 'alice');
    const bob = await signUp(kit.users, 'bob');
    const sent = await gql(
      `mutation { sendPrivateMessage(recipientId: ${bob.userId}, message: "hi bob", clientMessageId: "c-1") { messageId kind senderId recipientId roomId message timestamp seq clientMessageId } }`,
      { token: alice.token },
    );
    expect(sent.body.data.sendPrivateMessage).toEqual({
      messageId: expect.any(String),
      kind: 'private',
      senderId: alice.userId,
      recipientId: bob.userId,
      roomId: null,
      message: 'hi bob',
      timestamp: expect.stringMatching(/Z$/),
      seq: 1,
      clientMessageId: 'c-1',
    });
    await gql(`mutation { sendPrivateMessage(recipientId: ${alice.userId}, message: "hi alice") { seq } }`, { token: bob.token });
    const history = await gql(`{ privateHistory(userId: ${alice.userId}, limit: 10) { message sender { username } clientMessageId } }`, { token: bob.token });
    expect(history.body.data.privateHistory).toEqual([
      { message: 'hi bob', sender: { username: alice.username }, clientMessageId: null },
      { message: 'hi alice', sender: { username: bob.username }, clientMessageId: null },
    ]);
  });

  it('creates, joins, lists and leaves rooms, with members and messages', async () => {
    const alice = await signUp(kit.users, 'alice');
    const bob = await signUp(kit.users, 'bob');
    const created = await gql('mutation { createRoom(name: " team ") { roomId name } }', { token: alice.token });
    const { roomId } = created.body.data.createRoom;
    expect(created.body.data.createRoom).toEqual({ roomId, name: 'team' });
    expect((await gql(`mutation { joinRoom(roomId: ${roomId}) { roomId userId joined } }`, { token: bob.token })).body.data).toEqual({
      joinRoom: { roomId, userId: bob.userId, joined: true },
    });
    await gql(`mutation { sendRoomMessage(roomId: ${roomId}, message: "hello room") { seq } }`, { token: bob.token });
    const rooms = await gql('{ rooms { roomId name members { username } messages { message kind roomId sender { userId } } } }', { token: alice.token });
    expect(rooms.body.data.rooms).toEqual([
      {
        roomId,
        name: 'team',
        members: [{ username: alice.username }, { username: bob.username }],
        messages: [{ message: 'hello room', kind: 'room', roomId, sender: { userId: bob.userId } }],
      },
    ]);
    expect((await gql(`mutation { leaveRoom(roomId: ${roomId}) { joined } }`, { token: bob.token })).body.data).toEqual({ leaveRoom: { joined: false } });
    expect((await gql('{ rooms { roomId } }', { token: bob.token })).body.data).toEqual({ rooms: [] });
  });

  it('gives a non-member an error and never the room', async () => {
    const alice = await signUp(kit.users, 'alice');
    const eve = await signUp(kit.users, 'eve');
    const roomId = (await kit.chat.createRoom({ roomName: 'secret', userId: alice.userId })).roomId;
    await kit.chat.sendRoomMessage({ userId: alice.userId, roomId, message: 'for members only' });
    const answer = await gql(`{ room(id: ${roomId}) { name members { username } messages { message } } }`, { token: eve.token });
    expect(answer.body.data).toBeNull();
    expect(codesOf(answer)).toEqual(['CHAT_NOT_A_ROOM_MEMBER']);
    expect(JSON.stringify(answer.body)).not.toContain('for members only');
    const send = await gql(`mutation { sendRoomMessage(roomId: ${roomId}, message: "let me in") { seq } }`, { token: eve.token });
    expect(codesOf(send)).toEqual(['CHAT_NOT_A_ROOM_MEMBER']);
  });

  it('answers with the same code as the HTTP route for the same failure', async () => {
    const alice = await signUp(kit.users, 'alice');
    const cases: Array<[string, string]> = [
      ['{ user(id: 999) { username } }', '/users/999'],
      ['{ room(id: 999) { name } }', '/rooms/999'],
      ['{ room(id: 0) { name } }', '/rooms/0'],
      [`{ privateHistory(userId: ${alice.userId}, limit: 500) { seq } }`, `/chats/private/${alice.userId}/history?limit=500`],
    ];
    for (const [query, path] of cases) {
      const http = await kit.app.inject({ method: 'GET', url: path, headers: alice.headers });
      expect({ query, codes: codesOf(await gql(query, { token: alice.token })) }).toEqual({ query, codes: [http.json().code] });
    }
  });

  it('keeps the data that resolved next to the errors of the fields that failed', async () => {
    const alice = await signUp(kit.users, 'alice');
    await kit.chat.sendPrivateMessage({ fromUserId: alice.userId, toUserId: alice.userId, message: 'note to self' });
    jest.spyOn(kit.users, 'getUsers').mockRejectedValue(new DomainError('SERVICE_UNAVAILABLE', 'unavailable', 'User service is unavailable'));
    const answer = await gql(`{ privateHistory(userId: ${alice.userId}) { message sender { username } } }`, { token: alice.token });
    expect(answer).toEqual({
      status: 200,
      body: {
        data: { privateHistory: [{ message: 'note to self', sender: null }] },
        errors: [expect.objectContaining({ path: ['privateHistory', 0, 'sender'], extensions: { code: 'SERVICE_UNAVAILABLE' } })],
      },
    });
  });
});
