import {
  ackBody, anonymous, createRoom, errorBody, expectError, joinRoom, newUser, newUsers, pushWithText, uniqueText, type TestUser,
} from '@chatterroom/test/harness/system';

/*
 * Claims of the README that a newcomer found unchecked or wrong (issue 12), held true in
 * every deployment: the API docs are served, and the answers are what the README says.
 */

describe('the API documents, served without a token', () => {
  it('serves /docs as a page whose scripts and styles come from the gateway itself', async () => {
    const page = await anonymous(0).get('/docs/');
    expect(page.status).toBe(200);
    const sources = [...String(page.body).matchAll(/(?:src|href)="([^"]+)"/g)].map((match) => match[1] ?? '');
    expect(sources.length).toBeGreaterThan(0);
    expect(sources.filter((source) => /^(https?:)?\/\//.test(source))).toEqual([]);
    const bundle = sources.find((source) => source.endsWith('swagger-ui-bundle.js')) ?? 'swagger-ui-bundle.js missing';
    expect((await anonymous(0).get(new URL(bundle, 'http://gateway/docs/').pathname)).status).toBe(200);
  });

  it('serves /asyncapi.json: AsyncAPI 3 with the frames of /ws/chat and the events', async () => {
    const response = await anonymous(0).get('/asyncapi.json');
    expect(response.status).toBe(200);
    expect(response.body.asyncapi).toBe('3.0.0');
    expect(Object.keys(response.body.channels.chatSocket.messages)).toEqual(expect.arrayContaining(['client.private.send', 'server.message']));
    expect(Object.keys(response.body.channels.events.messages)).toEqual(expect.arrayContaining(['chat.message-posted.v1']));
  });
});

describe('rooms', () => {
  it('refuses an empty room name with a message about `name`, the field the client sent', async () => {
    const alice = await newUser();
    const answer = await alice.http.post('/rooms/create', { name: '  ' });
    expectError(answer, 400, 'VALIDATION_FAILED');
    expect(answer.body.message).toMatch(/^name must be/);
    const socket = await alice.ws();
    expect(errorBody(await socket.request({ type: 'room.create', id: 'r1', name: '' })).message).toMatch(/^name must be/);
  });

  it('answers GET /rooms/{roomId} with members as an ascending list of userIds', async () => {
    const [alice, bob, carol] = (await newUsers(3)) as [TestUser, TestUser, TestUser];
    const roomId = await createRoom(carol);
    await joinRoom(alice, roomId);
    await joinRoom(bob, roomId);
    const room = await carol.http.get(`/rooms/${roomId}`);
    expect(room.body.members).toEqual([alice.userId, bob.userId, carol.userId].sort((a, b) => a - b));
  });
});

describe('sends', () => {
  it('echo the clientMessageId to the sender, over HTTP and WebSocket', async () => {
    const [alice, bob] = (await newUsers(2)) as [TestUser, TestUser];
    const roomId = await createRoom(alice);
    const privately = await alice.http.post(`/chats/private/${bob.userId}`, { message: 'hi', clientMessageId: 'readme-1' });
    expect(privately.body.clientMessageId).toBe('readme-1');
    const inRoom = await alice.http.post(`/chats/room/${roomId}`, { message: 'hi all', clientMessageId: 'readme-2' });
    expect(inRoom.body.clientMessageId).toBe('readme-2');
    const socket = await alice.ws();
    const acked = ackBody(await socket.request({ type: 'room.send', id: 's1', roomId, message: 'again', clientMessageId: 'readme-3' }));
    expect(acked.clientMessageId).toBe('readme-3');
  });

  it('let a user write to themself (a note to self): stored once in that conversation, pushed once to each of their sockets', async () => {
    const alice = await newUser();
    const socket = await alice.ws();
    const text = uniqueText('note to self');
    const sent = await alice.http.post(`/chats/private/${alice.userId}`, { message: text });
    expect(sent.status).toBe(201);
    expect(sent.body).toMatchObject({ senderId: alice.userId, recipientId: alice.userId, message: text, seq: 1 });
    await socket.next(pushWithText(text));
    await socket.expectNothing(pushWithText(text));
    const history = await alice.http.get(`/chats/private/${alice.userId}/history`);
    expect(history.body.map((entry: { message: string }) => entry.message)).toEqual([text]);
  });
});

describe('GraphQL over HTTP', () => {
  it('answers GET /graphql without a query 400 BAD_REQUEST', async () => {
    const alice = await newUser();
    const response = await alice.http.get('/graphql');
    expect(response.status).toBe(400);
    expect(response.body.errors[0].extensions.code).toBe('BAD_REQUEST');
  });

  it('exempts introspection fields from the depth limit (GraphiQL asks for types 13 levels deep)', async () => {
    const alice = await newUser();
    const ofType = (depth: number): string => (depth === 0 ? 'name' : `name ofType { ${ofType(depth - 1)} }`);
    const query = `{ __schema { types { fields { type { ${ofType(8)} } } } } }`;
    const response = await alice.http.post('/graphql', { query });
    expect(response.status).toBe(200);
    expect(response.body.data.__schema.types.length).toBeGreaterThan(0);
  });
});
