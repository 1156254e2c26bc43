import { GraphqlSubscriber, graphqlFor, subscriberFor, untilDelivering, withText } from '@chatterroom/test/harness/graphql';
import {
  ackBody, errorBody, expectError, isoTimestamp, newUsers, privateHistory, roomHistory, roomWith, sendPrivate, sendToRoom,
  uniqueText, type Frame, type TestUser,
} from '@chatterroom/test/harness/system';

afterEach(() => GraphqlSubscriber.closeAll());

const edited = (messageId: string) => (frame: Frame) => frame.type === 'message.edited' && frame.message?.messageId === messageId;
const deleted = (messageId: string) => (frame: Frame) => frame.type === 'message.deleted' && frame.message?.messageId === messageId;

describe('editing messages', () => {
  it('lets the author edit over HTTP: same seq, editedAt in the answer, the history and a push to both people', async () => {
    const [alice, bob] = (await newUsers(2)) as [TestUser, TestUser];
    const bobSocket = await bob.ws();
    const sent = await sendPrivate(alice, bob, 'teh typo');
    const text = uniqueText('fixed');
    const answer = await alice.http.patch(`/chats/messages/${sent.messageId}`, { message: text });
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({
      messageId: sent.messageId, kind: 'private', senderId: alice.userId, recipientId: bob.userId,
      message: text, timestamp: sent.timestamp, seq: sent.seq, editedAt: isoTimestamp(),
    });
    expect((await privateHistory(bob, alice)).at(-1)).toEqual({
      senderId: alice.userId, message: text, timestamp: sent.timestamp, messageId: sent.messageId, seq: sent.seq, editedAt: answer.body.editedAt,
    });
    expect(await bobSocket.next(edited(sent.messageId))).toEqual({
      type: 'message.edited',
      message: {
        messageId: sent.messageId, kind: 'private', senderId: alice.userId, recipientId: bob.userId,
        message: text, timestamp: sent.timestamp, seq: sent.seq, editedAt: answer.body.editedAt,
      },
      cursor: expect.any(String),
    });
    const missed = await bob.http.get(`/sync?since=${encodeURIComponent(bobSocket.ready?.cursor as string)}`);
    expect(missed.status).toBe(200);
    expect(missed.body.events.filter((frame: Frame) => frame.type === 'message.edited').map((frame: Frame) => frame.message.message)).toEqual([text]);
  });

  it('edits over /ws/chat and pushes to the room members on every gateway', async () => {
    const [alice, bob] = (await newUsers(2)) as [TestUser, TestUser];
    const roomId = await roomWith(alice, bob);
    const bobElsewhere = await bob.ws({ gateway: alice.gatewayIndex + 1 });
    const aliceSocket = await alice.ws();
    const sent = await sendToRoom(alice, roomId);
    const text = uniqueText('edited');
    const result = ackBody(await aliceSocket.request({ type: 'message.edit', messageId: sent.messageId, message: text }));
    expect(result).toMatchObject({ messageId: sent.messageId, roomId, message: text, seq: sent.seq, editedAt: isoTimestamp() });
    expect((await bobElsewhere.next(edited(sent.messageId))).message).toMatchObject({ roomId, message: text });
  });

  it("refuses someone else's edit (403 CHAT_NOT_MESSAGE_AUTHOR) and hides messages from outsiders (404 CHAT_MESSAGE_NOT_FOUND)", async () => {
    const [alice, bob, carol] = (await newUsers(3)) as [TestUser, TestUser, TestUser];
    const sent = await sendPrivate(alice, bob);
    expectError(await bob.http.patch(`/chats/messages/${sent.messageId}`, { message: 'mine now' }), 403, 'CHAT_NOT_MESSAGE_AUTHOR');
    expectError(await carol.http.patch(`/chats/messages/${sent.messageId}`, { message: 'x' }), 404, 'CHAT_MESSAGE_NOT_FOUND');
    expectError(await carol.http.delete(`/chats/messages/${sent.messageId}`), 404, 'CHAT_MESSAGE_NOT_FOUND');
    expectError(await alice.http.patch('/chats/messages/no-such-message', { message: 'x' }), 404, 'CHAT_MESSAGE_NOT_FOUND');
  });

  it('validates the edit: text rules, unknown fields, oversized ids', async () => {
    const [alice, bob] = (await newUsers(2)) as [TestUser, TestUser];
    const sent = await sendPrivate(alice, bob);
    expectError(await alice.http.patch(`/chats/messages/${sent.messageId}`, { message: '   ' }), 400, 'VALIDATION_FAILED');
    expectError(await alice.http.patch(`/chats/messages/${sent.messageId}`, { message: 'ok', userId: 1 }), 400, 'VALIDATION_FAILED');
    expectError(await alice.http.patch(`/chats/messages/${sent.messageId}`, {}), 400, 'VALIDATION_FAILED');
    expectError(await alice.http.patch(`/chats/messages/${'x'.repeat(65)}`, { message: 'ok' }), 400, 'VALIDATION_FAILED');
    const socket = await alice.ws();
    expect(errorBody(await socket.request({ type: 'message.edit', messageId: sent.messageId })).code).toBe('VALIDATION_FAILED');
  });
});

describe('deleting messages', () => {
  it('leaves a tombstone {messageId, seq, deleted} in the history, keeps seq gap-free, and pushes message.deleted', async () => {
    const [alice, bob] = (await newUsers(2)) as [TestUser, TestUser];
    const roomId = await roomWith(alice, bob);
    const bobSocket = await bob.ws();
    const first = await sendToRoom(bob, roomId, 'regret');
    const second = await sendToRoom(alice, roomId);
    const answer = await bob.http.delete(`/chats/messages/${first.messageId}`);
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({ messageId: first.messageId, seq: first.seq, deleted: true });
    expect(await bobSocket.next(deleted(first.messageId))).toEqual({
      type: 'message.deleted',
      message: { messageId: first.messageId, kind: 'room', senderId: bob.userId, roomId, seq: first.seq, deleted: true },
      cursor: expect.any(String),
    });
    const history = await roomHistory(alice, roomId);
    expect(history.map((entry) => entry.seq)).toEqual([1, 2]);
    expect(history[0]).toEqual({ messageId: first.messageId, seq: first.seq, deleted: true });
    expect(history[1]).toMatchObject({ messageId: second.messageId, message: second.message });
    expect((await bob.http.delete(`/chats/messages/${first.messageId}`)).body).toEqual(answer.body);
    expectError(await bob.http.patch(`/chats/messages/${first.messageId}`, { message: 'back' }), 404, 'CHAT_MESSAGE_NOT_FOUND');
  });

  it("lets the room's owner delete a member's message, and not another member", async () => {
    const [owner, bob, carol] = (await newUsers(3)) as [TestUser, TestUser, TestUser];
    const roomId = await roomWith(owner, bob, carol);
    const byBob = await sendToRoom(bob, roomId);
    expectError(await carol.http.delete(`/chats/messages/${byBob.messageId}`), 403, 'CHAT_NOT_MESSAGE_AUTHOR');
    const ownerSocket = await owner.ws();
    expect(ackBody(await ownerSocket.request({ type: 'message.delete', messageId: byBob.messageId }))).toEqual({
      messageId: byBob.messageId, seq: byBob.seq, deleted: true,
    });
  });

  it('refuses the other person of a private conversation', async () => {
    const [alice, bob] = (await newUsers(2)) as [TestUser, TestUser];
    const sent = await sendPrivate(alice, bob);
    expectError(await bob.http.delete(`/chats/messages/${sent.messageId}`), 403, 'CHAT_NOT_MESSAGE_AUTHOR');
  });
});

describe('editing and deleting over GraphQL', () => {
  const MESSAGE = 'messageId seq message editedAt deleted';

  it('editMessage and deleteMessage answer the message; messageEdited and messageDeleted deliver them', async () => {
    const [alice, bob] = (await newUsers(2)) as [TestUser, TestUser];
    const edits = subscriberFor(bob, alice.gatewayIndex + 1).subscribe(`subscription { messageEdited { ${MESSAGE} } }`);
    const deletes = subscriberFor(bob).subscribe(`subscription { messageDeleted { ${MESSAGE} } }`);
    const graphql = graphqlFor(alice);
    const probe = await sendPrivate(alice, bob);
    await untilDelivering(edits, async () => {
      const text = uniqueText('probe');
      await graphql.data('mutation ($id: ID!, $m: String!) { editMessage(messageId: $id, message: $m) { seq } }', { id: probe.messageId, m: text });
      return text;
    });

    const sent = await sendPrivate(alice, bob);
    const text = uniqueText('gql');
    const { editMessage } = await graphql.data(`mutation ($id: ID!, $m: String!) { editMessage(messageId: $id, message: $m) { ${MESSAGE} } }`, {
      id: sent.messageId, m: text,
    });
    expect(editMessage).toEqual({ messageId: sent.messageId, seq: sent.seq, message: text, editedAt: isoTimestamp(), deleted: false });
    expect((await edits.next(withText(text))).data).toEqual({ messageEdited: editMessage });

    // deletes: probe until the subscription is live, by messageId
    const isDeleteOf = (ids: Set<string>) => (result: { data?: unknown }) =>
      ids.has(((result.data as { messageDeleted?: { messageId?: string } } | undefined)?.messageDeleted?.messageId) ?? '');
    const probes = new Set<string>();
    for (let attempt = 0; ; attempt += 1) {
      const victim = await sendPrivate(alice, bob);
      probes.add(victim.messageId);
      await graphql.data('mutation ($id: ID!) { deleteMessage(messageId: $id) { deleted } }', { id: victim.messageId });
      try {
        await deletes.next(isDeleteOf(probes), 500);
        break;
      } catch (error) {
        if (attempt > 30) throw error;
      }
    }
    const { deleteMessage } = await graphql.data(`mutation ($id: ID!) { deleteMessage(messageId: $id) { ${MESSAGE} } }`, { id: sent.messageId });
    expect(deleteMessage).toEqual({ messageId: sent.messageId, seq: sent.seq, message: '', editedAt: null, deleted: true });
    expect((await deletes.next(isDeleteOf(new Set([sent.messageId])))).data).toEqual({ messageDeleted: deleteMessage });
  });

  it('answers the same error codes as HTTP', async () => {
    const [alice, bob] = (await newUsers(2)) as [TestUser, TestUser];
    const sent = await sendPrivate(alice, bob);
    const { body } = await graphqlFor(bob).request('mutation ($id: ID!) { editMessage(messageId: $id, message: "no") { seq } }', { id: sent.messageId });
    expect(body.errors?.[0]?.extensions?.code).toBe('CHAT_NOT_MESSAGE_AUTHOR');
  });
});
