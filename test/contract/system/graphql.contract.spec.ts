import { anonymousGraphql, errorCodes, graphqlFor } from '@chatterroom/test/harness/graphql';
import {
  createRoom, isoTimestamp, newRegistration, newUsers, roomWith, sendPrivate, sendToRoom, uniqueText, type TestUser,
} from '@chatterroom/test/harness/system';

/** GraphQL queries and mutations: the same operations and answers as the HTTP API. */
describe('GraphQL queries and mutations', () => {
  it('registers and signs in without a token, and its token works over HTTP (and HTTP tokens over GraphQL)', async () => {
    const registration = newRegistration('gql');
    const graphql = anonymousGraphql();
    const created = await graphql.data(
      'mutation($u: String!, $e: String!, $p: String!) { createUser(username: $u, email: $e, password: $p) { userId username email } }',
      { u: registration.username, e: registration.email, p: registration.password },
    );
    expect(created.createUser).toEqual({ userId: expect.any(Number), username: registration.username, email: registration.email });
    const { authenticate } = await graphql.data('mutation($u: String!, $p: String!) { authenticate(username: $u, password: $p) { token } }', {
      u: registration.username,
      p: registration.password,
    });
    const [someone] = (await newUsers(1)) as [TestUser];
    const overHttp = await someone.http.withToken(authenticate.token).get(`/users/${created.createUser.userId}`);
    expect(overHttp.body).toEqual({ userId: created.createUser.userId, username: registration.username, email: registration.email, presence: { status: 'offline' } });
    expect((await graphqlFor(someone).data('{ me { userId } }')).me).toEqual({ userId: someone.userId });
  });

  it('shows the email only to its owner, as GET /users/{id} does', async () => {
    const [alice, bob] = (await newUsers(2)) as [TestUser, TestUser];
    const data = await graphqlFor(alice).data(`{ me { userId username email } other: user(id: ${bob.userId}) { userId username email } }`);
    expect(data).toEqual({
      me: { userId: alice.userId, username: alice.username, email: alice.email },
      other: { userId: bob.userId, username: bob.username, email: null },
    });
  });

  it('sends private messages and reads the conversation with its authors, paged like HTTP', async () => {
    const [alice, bob] = (await newUsers(2)) as [TestUser, TestUser];
    const text = uniqueText();
    const { sendPrivateMessage: sent } = await graphqlFor(alice).data(
      `mutation($to: Int!, $text: String!) { sendPrivateMessage(recipientId: $to, message: $text, clientMessageId: "gql-1") {
        messageId kind senderId recipientId roomId message timestamp seq clientMessageId } }`,
      { to: bob.userId, text },
    );
    expect(sent).toEqual({
      messageId: expect.any(String), kind: 'private', senderId: alice.userId, recipientId: bob.userId, roomId: null,
      message: text, timestamp: isoTimestamp(), seq: 1, clientMessageId: 'gql-1',
    });
    const again = await graphqlFor(alice).data(
      `mutation($to: Int!, $text: String!) { sendPrivateMessage(recipientId: $to, message: $text, clientMessageId: "gql-1") { messageId } }`,
      { to: bob.userId, text },
    );
    expect(again.sendPrivateMessage.messageId).toBe(sent.messageId);
    const reply = await sendPrivate(bob, alice);
    const third = await sendPrivate(alice, bob);

    const { privateHistory } = await graphqlFor(bob).data(
      `{ privateHistory(userId: ${alice.userId}) { messageId senderId message seq clientMessageId sender { userId username } } }`,
    );
    expect(privateHistory).toEqual([
      { messageId: sent.messageId, senderId: alice.userId, message: text, seq: 1, clientMessageId: null, sender: { userId: alice.userId, username: alice.username } },
      { messageId: reply.messageId, senderId: bob.userId, message: reply.message, seq: 2, clientMessageId: null, sender: { userId: bob.userId, username: bob.username } },
      { messageId: third.messageId, senderId: alice.userId, message: third.message, seq: 3, clientMessageId: null, sender: { userId: alice.userId, username: alice.username } },
    ]);
    const page = await graphqlFor(alice).data(`{ privateHistory(userId: ${bob.userId}, before: "${third.messageId}", limit: 1) { messageId } }`);
    expect(page.privateHistory).toEqual([{ messageId: reply.messageId }]);
  });

  it('creates, joins and leaves rooms, the same rooms HTTP sees', async () => {
    const [alice, bob] = (await newUsers(2)) as [TestUser, TestUser];
    const name = uniqueText('room');
    const { createRoom: room } = await graphqlFor(alice).data('mutation($name: String!) { createRoom(name: $name) { roomId name members { userId } } }', { name });
    expect(room).toEqual({ roomId: expect.any(Number), name, members: [{ userId: alice.userId }] });
    expect((await graphqlFor(bob).data(`mutation { joinRoom(roomId: ${room.roomId}) { roomId userId joined } }`)).joinRoom).toEqual({
      roomId: room.roomId,
      userId: bob.userId,
      joined: true,
    });
    expect((await bob.http.get(`/rooms/${room.roomId}`)).body.members).toEqual([alice.userId, bob.userId].sort((a, b) => a - b));
    const { sendRoomMessage } = await graphqlFor(bob).data(`mutation { sendRoomMessage(roomId: ${room.roomId}, message: "hi all") { messageId kind roomId senderId seq } }`);
    expect(sendRoomMessage).toEqual({ messageId: expect.any(String), kind: 'room', roomId: room.roomId, senderId: bob.userId, seq: 1 });
    expect((await graphqlFor(bob).data(`mutation { leaveRoom(roomId: ${room.roomId}) { joined } }`)).leaveRoom).toEqual({ joined: false });
    expect((await bob.http.get('/rooms')).body).toEqual([]);
    expect((await graphqlFor(bob).data('{ rooms { roomId } }')).rooms).toEqual([]);
  });

  it('lists my rooms with their members and messages, each author resolved', async () => {
    const [alice, bob, carol] = (await newUsers(3)) as [TestUser, TestUser, TestUser];
    const roomId = await roomWith(alice, bob, carol);
    const lonely = await createRoom(alice);
    const sent = [await sendToRoom(bob, roomId), await sendToRoom(carol, roomId), await sendToRoom(alice, roomId)];
    const { rooms } = await graphqlFor(alice).data('{ rooms { roomId members { username } messages(limit: 2) { messageId sender { username } } } }');
    expect(rooms).toEqual([
      {
        roomId,
        members: [alice, bob, carol].sort((a, b) => a.userId - b.userId).map((user) => ({ username: user.username })),
        messages: [
          { messageId: sent[1].messageId, sender: { username: carol.username } },
          { messageId: sent[2].messageId, sender: { username: alice.username } },
        ],
      },
      { roomId: lonely, members: [{ username: alice.username }], messages: [] },
    ]);
    const { room } = await graphqlFor(bob).data(`{ room(id: ${roomId}) { roomId name messages { message } } }`);
    expect(room.messages.map((entry: { message: string }) => entry.message)).toEqual(sent.map((entry) => entry.message));
  });

  it('answers over GET too, for queries', async () => {
    const [alice] = (await newUsers(1)) as [TestUser];
    const response = await alice.http.get(`/graphql?query=${encodeURIComponent('{ me { userId } }')}`);
    expect({ status: response.status, body: response.body }).toEqual({ status: 200, body: { data: { me: { userId: alice.userId } } } });
    expect(errorCodes(await anonymousGraphql().request('{ __typename }'))).toEqual([]);
  });
});
