import { anonymousGraphql, errorCodes, graphqlFor, type GraphqlResponse } from '@chatterroom/test/harness/graphql';
import {
  createRoom, newRegistration, newUsers, NO_SUCH_ROOM_ID, NO_SUCH_USER_ID, sendPrivate, sendToRoom, uniqueText, type HttpResponse, type TestUser,
} from '@chatterroom/test/harness/system';

/** An error answer of an operation that ran: 200, no data, one error with `code`. */
const expectFailure = (response: GraphqlResponse, code: string): void => {
  expect({ status: response.status, data: response.body.data, codes: errorCodes(response) }).toEqual({ status: 200, data: null, codes: [code] });
};

/** The same failure over HTTP and GraphQL carries the same code. */
const expectSameCode = (http: HttpResponse, graphql: GraphqlResponse): void => {
  expect(errorCodes(graphql)).toEqual([http.body.code]);
  expect(graphql.body.data).toBeNull();
};

describe('GraphQL errors', () => {
  it('carry the HTTP API code for the same failure', async () => {
    const [alice, bob] = (await newUsers(2)) as [TestUser, TestUser];
    const roomId = await createRoom(alice);
    const elsewhere = await sendPrivate(alice, alice);
    const gql = graphqlFor(bob);
    const pairs: Array<[Promise<HttpResponse>, Promise<GraphqlResponse>]> = [
      [bob.http.get(`/users/${NO_SUCH_USER_ID}`), gql.request(`{ user(id: ${NO_SUCH_USER_ID}) { username } }`)],
      [bob.http.get(`/rooms/${NO_SUCH_ROOM_ID}`), gql.request(`{ room(id: ${NO_SUCH_ROOM_ID}) { name } }`)],
      [bob.http.get(`/rooms/${roomId}`), gql.request(`{ room(id: ${roomId}) { name } }`)],
      [bob.http.post(`/chats/private/${NO_SUCH_USER_ID}`, { message: 'hi' }), gql.request(`mutation { sendPrivateMessage(recipientId: ${NO_SUCH_USER_ID}, message: "hi") { seq } }`)],
      [bob.http.post(`/chats/private/${alice.userId}`, { message: '   ' }), gql.request(`mutation { sendPrivateMessage(recipientId: ${alice.userId}, message: "   ") { seq } }`)],
      [bob.http.post('/rooms/create', { name: '' }), gql.request('mutation { createRoom(name: "") { roomId } }')],
      [bob.http.post(`/rooms/${NO_SUCH_ROOM_ID}/join`), gql.request(`mutation { joinRoom(roomId: ${NO_SUCH_ROOM_ID}) { joined } }`)],
      [bob.http.get(`/rooms/0`), gql.request('{ room(id: 0) { name } }')],
      [
        bob.http.get(`/chats/private/${alice.userId}/history?before=${elsewhere.messageId}`),
        gql.request(`{ privateHistory(userId: ${alice.userId}, before: "${elsewhere.messageId}") { seq } }`),
      ],
      [bob.http.get(`/chats/private/${alice.userId}/history?limit=201`), gql.request(`{ privateHistory(userId: ${alice.userId}, limit: 201) { seq } }`)],
      [bob.http.withToken(undefined).get('/rooms'), anonymousGraphql(bob.gatewayIndex).request('{ rooms { roomId } }')],
      [bob.http.withToken('not.a.token').get('/rooms'), graphqlFor({ ...bob, token: 'not.a.token' }).request('{ rooms { roomId } }')],
    ];
    for (const [http, graphql] of pairs) expectSameCode(await http, await graphql);
  });

  it('carry the registration and sign-in codes', async () => {
    const [alice] = (await newUsers(1)) as [TestUser];
    const graphql = anonymousGraphql();
    const taken = await graphql.request(`mutation { createUser(username: "${alice.username}", email: "${newRegistration().email}", password: "long-enough-pw") { userId } }`);
    expectFailure(taken, 'USERS_USERNAME_TAKEN');
    expectFailure(await graphql.request(`mutation { authenticate(username: "${alice.username}", password: "wrong-password") { token } }`), 'AUTH_INVALID_CREDENTIALS');
  });

  it('give a non-member an error and never the room, its members or its messages', async () => {
    const [alice, eve] = (await newUsers(2)) as [TestUser, TestUser];
    const roomId = await createRoom(alice);
    const secret = uniqueText('secret');
    await sendToRoom(alice, roomId, secret);
    const gql = graphqlFor(eve);
    const read = await gql.request(`{ room(id: ${roomId}) { roomId name members { userId username } messages { message sender { username } } } }`);
    expectFailure(read, 'CHAT_NOT_A_ROOM_MEMBER');
    expect(JSON.stringify(read.body)).not.toContain(secret);
    expectFailure(await gql.request(`mutation { sendRoomMessage(roomId: ${roomId}, message: "let me in") { seq } }`), 'CHAT_NOT_A_ROOM_MEMBER');
    expect((await gql.data('{ rooms { roomId } }')).rooms).toEqual([]);
  });

  it('refuse documents before running them with 400 and a GRAPHQL_* code', async () => {
    const [alice] = (await newUsers(1)) as [TestUser];
    const gql = graphqlFor(alice);
    const cases: Array<[string, string]> = [
      ['{ me { userId ', 'GRAPHQL_PARSE_FAILED'],
      ['{ me { password } }', 'GRAPHQL_VALIDATION_FAILED'],
      ['{ rooms { messages(limit: 200) { messageId message seq sender { username } } } }', 'GRAPHQL_QUERY_TOO_COMPLEX'],
    ];
    for (const [query, code] of cases) {
      const response = await gql.request(query);
      expect({ query, status: response.status, data: response.body.data, codes: errorCodes(response) }).toEqual({ query, status: 400, data: undefined, codes: [code] });
    }
  });
});
