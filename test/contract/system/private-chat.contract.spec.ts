import {
  anId, expectError, isoTimestamp, newUser, newUsers, NO_SUCH_USER_ID, privateHistory, sendPrivate, uniqueText,
  type TestUser,
} from '@chatterroom/test/harness/system';

const send = (from: TestUser, to: TestUser | number, body: unknown) =>
  from.http.post(`/chats/private/${typeof to === 'number' ? to : to.userId}`, body);

/** `count` messages from a to b, returning their bodies in order. */
const sendMany = async (from: TestUser, to: TestUser, count: number) => {
  const sent = [];
  for (let i = 0; i < count; i += 1) sent.push(await sendPrivate(from, to, `message ${i + 1} ${uniqueText()}`));
  return sent;
};

describe('POST /chats/private/{recipientId}', () => {
  it('answers 201 with the stored message', async () => {
    const [alice, bob] = (await newUsers(2)) as [TestUser, TestUser];
    const text = uniqueText('hello');
    const response = await send(alice, bob, { message: text });
    expect(response.status).toBe(201);
    expect(response.body).toEqual({
      messageId: anId(),
      senderId: alice.userId,
      recipientId: bob.userId,
      message: text,
      timestamp: isoTimestamp(),
      seq: 1,
    });
  });

  it('numbers a conversation 1, 2, 3... whoever writes', async () => {
    const [alice, bob] = (await newUsers(2)) as [TestUser, TestUser];
    const first = await sendPrivate(alice, bob);
    const second = await sendPrivate(bob, alice);
    const third = await sendPrivate(alice, bob);
    expect([first.seq, second.seq, third.seq]).toEqual([1, 2, 3]);
    expect(new Set([first.messageId, second.messageId, third.messageId]).size).toBe(3);
  });

  it('numbers messages sent at the same time 1..n without gaps or repeats', async () => {
    const [alice, bob] = (await newUsers(2)) as [TestUser, TestUser];
    const sent = await Promise.all(Array.from({ length: 8 }, (_, i) => sendPrivate(i % 2 === 0 ? alice : bob, i % 2 === 0 ? bob : alice)));
    expect(sent.map((message) => message.seq).sort((x, y) => x - y)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect((await privateHistory(alice, bob)).map((entry) => entry.seq)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
  });

  it('keeps the text exactly, including non-ASCII characters', async () => {
    const [alice, bob] = (await newUsers(2)) as [TestUser, TestUser];
    const text = `  héllo wörld 👋 "quoted" <b>tag</b> \n second line ${uniqueText()}`;
    expect((await sendPrivate(alice, bob, text)).message).toBe(text);
    expect((await privateHistory(bob, alice)).map((entry) => entry.message)).toEqual([text]);
  });

  it('accepts a message of exactly 4000 characters', async () => {
    const [alice, bob] = (await newUsers(2)) as [TestUser, TestUser];
    const text = 'x'.repeat(4000);
    const response = await send(alice, bob, { message: text });
    expect(response.status).toBe(201);
    expect(response.body.message).toBe(text);
  });

  it('lets a user write to themself', async () => {
    const alice = await newUser();
    const sent = await sendPrivate(alice, alice);
    expect(sent).toMatchObject({ senderId: alice.userId, recipientId: alice.userId });
    expect((await privateHistory(alice, alice)).map((entry) => entry.messageId)).toEqual([sent.messageId]);
  });

  it.each([
    ['no message', {}],
    ['an empty message', { message: '' }],
    ['a whitespace-only message', { message: ' \t\n  ' }],
    ['a message of 4001 characters', { message: 'x'.repeat(4001) }],
    ['a message that is not a string', { message: 42 }],
    ['a clientMessageId of 65 characters', { message: 'hi', clientMessageId: 'c'.repeat(65) }],
    ['a clientMessageId that is not a string', { message: 'hi', clientMessageId: 7 }],
  ])('refuses %s with 400 VALIDATION_FAILED and stores nothing', async (_label, body) => {
    const [alice, bob] = (await newUsers(2)) as [TestUser, TestUser];
    expectError(await send(alice, bob, body), 400, 'VALIDATION_FAILED');
    expect(await privateHistory(alice, bob)).toEqual([]);
  });

  it('answers 404 CHAT_RECIPIENT_NOT_FOUND for an unknown recipient', async () => {
    const alice = await newUser();
    expectError(await send(alice, NO_SUCH_USER_ID, { message: 'anyone there?' }), 404, 'CHAT_RECIPIENT_NOT_FOUND');
  });
});

describe('GET /chats/private/{recipientId}/history', () => {
  it('returns both directions of the conversation, oldest first, to both people', async () => {
    const [alice, bob] = (await newUsers(2)) as [TestUser, TestUser];
    const first = await sendPrivate(alice, bob);
    const second = await sendPrivate(bob, alice);
    const third = await sendPrivate(alice, bob);
    const expected = [first, second, third].map((sent) => ({
      senderId: sent.senderId,
      message: sent.message,
      timestamp: sent.timestamp,
      messageId: sent.messageId,
      seq: sent.seq,
    }));
    expect(await privateHistory(alice, bob)).toEqual(expected);
    expect(await privateHistory(bob, alice)).toEqual(expected);
  });

  it('is empty for two users who never wrote to each other', async () => {
    const [alice, bob] = (await newUsers(2)) as [TestUser, TestUser];
    expect(await privateHistory(alice, bob)).toEqual([]);
  });

  it('shows a third user nothing of a conversation they are not in', async () => {
    const [alice, bob, carol] = (await newUsers(3)) as [TestUser, TestUser, TestUser];
    await sendPrivate(alice, bob);
    await sendPrivate(bob, alice);
    expect(await privateHistory(carol, alice)).toEqual([]);
    expect(await privateHistory(carol, bob)).toEqual([]);
  });

  it('keeps conversations apart', async () => {
    const [alice, bob, carol] = (await newUsers(3)) as [TestUser, TestUser, TestUser];
    const toBob = await sendPrivate(alice, bob);
    const toCarol = await sendPrivate(alice, carol);
    expect((await privateHistory(alice, bob)).map((entry) => entry.messageId)).toEqual([toBob.messageId]);
    expect((await privateHistory(alice, carol)).map((entry) => entry.messageId)).toEqual([toCarol.messageId]);
    expect(toCarol.seq).toBe(1);
  });

  it('returns the newest `limit` messages, oldest first', async () => {
    const [alice, bob] = (await newUsers(2)) as [TestUser, TestUser];
    const sent = await sendMany(alice, bob, 5);
    const page = await privateHistory(alice, bob, { limit: 2 });
    expect(page.map((entry) => entry.messageId)).toEqual([sent[3].messageId, sent[4].messageId]);
  });

  it('returns at most 50 messages by default, and up to 200 when asked', async () => {
    const [alice, bob] = (await newUsers(2)) as [TestUser, TestUser];
    const sent = await sendMany(alice, bob, 52);
    const byDefault = await privateHistory(alice, bob);
    expect(byDefault.map((entry) => entry.seq)).toEqual(sent.slice(2).map((message) => message.seq));
    expect(await privateHistory(alice, bob, { limit: 200 })).toHaveLength(52);
  });

  it('pages back with ?before=<messageId>: the newest `limit` older messages, oldest first', async () => {
    const [alice, bob] = (await newUsers(2)) as [TestUser, TestUser];
    const sent = await sendMany(alice, bob, 6);
    const page = await privateHistory(bob, alice, { before: sent[4].messageId, limit: 2 });
    expect(page.map((entry) => entry.seq)).toEqual([3, 4]);
    const rest = await privateHistory(bob, alice, { before: sent[2].messageId });
    expect(rest.map((entry) => entry.seq)).toEqual([1, 2]);
    expect(await privateHistory(bob, alice, { before: sent[0].messageId })).toEqual([]);
  });

  it.each(['0', '201', 'abc', '-1', '1.5'])('refuses ?limit=%j with 400 VALIDATION_FAILED', async (limit) => {
    const [alice, bob] = (await newUsers(2)) as [TestUser, TestUser];
    expectError(await alice.http.get(`/chats/private/${bob.userId}/history?limit=${limit}`), 400, 'VALIDATION_FAILED');
  });

  it('refuses an unknown cursor with 400 CHAT_INVALID_CURSOR', async () => {
    const [alice, bob] = (await newUsers(2)) as [TestUser, TestUser];
    await sendPrivate(alice, bob);
    expectError(await alice.http.get(`/chats/private/${bob.userId}/history?before=no-such-message`), 400, 'CHAT_INVALID_CURSOR');
  });

  it('refuses a cursor from another conversation with 400 CHAT_INVALID_CURSOR', async () => {
    const [alice, bob, carol] = (await newUsers(3)) as [TestUser, TestUser, TestUser];
    await sendPrivate(alice, bob);
    const elsewhere = await sendPrivate(alice, carol);
    expectError(
      await alice.http.get(`/chats/private/${bob.userId}/history?before=${encodeURIComponent(elsewhere.messageId)}`),
      400,
      'CHAT_INVALID_CURSOR',
    );
  });
});
