import {
  ackBody, createRoom, newUsers, privateHistory, roomHistory, roomWith, sendPrivate, sendToRoom, uniqueSuffix, uniqueText,
  type TestUser,
} from '@chatterroom/test/harness/system';

const clientMessageId = (): string => `cmid-${uniqueSuffix()}`;

describe('retrying a send with the same clientMessageId', () => {
  it('over HTTP, returns the original private message and stores nothing new', async () => {
    const [alice, bob] = (await newUsers(2)) as [TestUser, TestUser];
    const key = clientMessageId();
    const text = uniqueText();
    const original = await sendPrivate(alice, bob, text, { clientMessageId: key });
    const retry = await sendPrivate(alice, bob, text, { clientMessageId: key });
    expect(retry.messageId).toBe(original.messageId);
    expect(retry.seq).toBe(original.seq);
    expect(retry.timestamp).toBe(original.timestamp);
    expect(await privateHistory(alice, bob)).toHaveLength(1);
    expect((await sendPrivate(alice, bob)).seq).toBe(original.seq + 1);
  });

  it('over HTTP, returns the original room message and stores nothing new', async () => {
    const [alice] = (await newUsers(1)) as [TestUser];
    const roomId = await createRoom(alice);
    const key = clientMessageId();
    const original = await sendToRoom(alice, roomId, uniqueText(), { clientMessageId: key });
    const retry = await sendToRoom(alice, roomId, uniqueText(), { clientMessageId: key });
    expect(retry.messageId).toBe(original.messageId);
    expect(retry.message).toBe(original.message);
    expect(await roomHistory(alice, roomId)).toHaveLength(1);
  });

  it('over the WebSocket, returns the original private message and stores nothing new', async () => {
    const [alice, bob] = (await newUsers(2)) as [TestUser, TestUser];
    const socket = await alice.ws();
    const frame = { type: 'private.send', to: bob.userId, message: uniqueText(), clientMessageId: clientMessageId() };
    const original = ackBody(await socket.request(frame));
    const retry = ackBody(await socket.request(frame));
    expect(retry.messageId).toBe(original.messageId);
    expect(retry.seq).toBe(original.seq);
    expect(await privateHistory(bob, alice)).toHaveLength(1);
  });

  it('over the WebSocket, returns the original room message and stores nothing new', async () => {
    const [alice, bob] = (await newUsers(2)) as [TestUser, TestUser];
    const roomId = await roomWith(alice, bob);
    const socket = await bob.ws();
    const frame = { type: 'room.send', roomId, message: uniqueText(), clientMessageId: clientMessageId() };
    const original = ackBody(await socket.request(frame));
    const retry = ackBody(await socket.request(frame));
    expect(retry.messageId).toBe(original.messageId);
    expect(await roomHistory(alice, roomId)).toHaveLength(1);
  });

  it('across transports: a WebSocket retry of an HTTP send returns the original', async () => {
    const [alice, bob] = (await newUsers(2)) as [TestUser, TestUser];
    const key = clientMessageId();
    const original = await sendPrivate(alice, bob, uniqueText(), { clientMessageId: key });
    const socket = await alice.ws();
    const retry = ackBody(await socket.request({ type: 'private.send', to: bob.userId, message: original.message, clientMessageId: key }));
    expect(retry.messageId).toBe(original.messageId);
    expect(await privateHistory(alice, bob)).toHaveLength(1);
  });

  it('keeps different clientMessageIds, and sends without one, as distinct messages', async () => {
    const [alice, bob] = (await newUsers(2)) as [TestUser, TestUser];
    const text = uniqueText();
    const first = await sendPrivate(alice, bob, text, { clientMessageId: clientMessageId() });
    const second = await sendPrivate(alice, bob, text, { clientMessageId: clientMessageId() });
    const third = await sendPrivate(alice, bob, text);
    const fourth = await sendPrivate(alice, bob, text);
    expect(new Set([first.messageId, second.messageId, third.messageId, fourth.messageId]).size).toBe(4);
    expect(await privateHistory(alice, bob)).toHaveLength(4);
  });

  it('scopes the key to its sender: another sender with the same key sends a new message', async () => {
    const [alice, bob] = (await newUsers(2)) as [TestUser, TestUser];
    const key = clientMessageId();
    const fromAlice = await sendPrivate(alice, bob, uniqueText(), { clientMessageId: key });
    const fromBob = await sendPrivate(bob, alice, uniqueText(), { clientMessageId: key });
    expect(fromBob.messageId).not.toBe(fromAlice.messageId);
    expect(fromBob.senderId).toBe(bob.userId);
    expect(await privateHistory(alice, bob)).toHaveLength(2);
  });

  it('accepts a clientMessageId of 64 characters', async () => {
    const [alice, bob] = (await newUsers(2)) as [TestUser, TestUser];
    const key = `k${uniqueSuffix()}`.padEnd(64, 'k');
    const original = await sendPrivate(alice, bob, uniqueText(), { clientMessageId: key });
    expect((await sendPrivate(alice, bob, uniqueText(), { clientMessageId: key })).messageId).toBe(original.messageId);
  });
});
