import type { AddressInfo } from 'node:net';
import { untilDelivering, withText } from '@chatterroom/test/harness/graphql/delivery-probe';
import { subscriberOf } from '@chatterroom/test/harness/graphql/graphql-endpoints';
import { GraphqlSubscriber, type LiveSubscription } from '@chatterroom/test/harness/graphql/graphql-subscriber';
import { signUp, startGatewayTestKit, type GatewayTestKit } from '@chatterroom/test/kits/gateway/gateway-test-kit';

type User = Awaited<ReturnType<typeof signUp>>;

const MESSAGE_FIELDS = 'messageId kind senderId recipientId roomId message timestamp seq clientMessageId sender { username }';

describe('GraphQL subscriptions', () => {
  let kit: GatewayTestKit;
  let base: string;
  let probes = 0;

  beforeEach(async () => {
    kit = await startGatewayTestKit();
    await kit.app.listen({ host: '127.0.0.1', port: 0 });
    base = `http://127.0.0.1:${(kit.app.server.address() as AddressInfo).port}`;
  });

  afterEach(async () => {
    await GraphqlSubscriber.closeAll();
    await kit.app.close();
  });

  const subscribe = (user: User, query: string, variables?: Record<string, unknown>): LiveSubscription =>
    subscriberOf(base, user.token).subscribe(query, variables);

  /** Waits until `subscription` delivers, probing with private messages from `from` to `to`. */
  const livePrivate = (subscription: LiveSubscription, from: User, to: User) =>
    untilDelivering(subscription, async () => {
      const text = `probe ${++probes}`;
      await kit.chat.sendPrivateMessage({ fromUserId: from.userId, toUserId: to.userId, message: text });
      return text;
    });

  const liveRoom = (subscription: LiveSubscription, from: User, roomId: number) =>
    untilDelivering(subscription, async () => {
      const text = `probe ${++probes}`;
      await kit.chat.sendRoomMessage({ userId: from.userId, roomId, message: text });
      return text;
    });

  it('messageAdded delivers private messages to both people, with the author and the sender-only clientMessageId', async () => {
    const alice = await signUp(kit.users, 'alice');
    const bob = await signUp(kit.users, 'bob');
    const bobs = subscribe(bob, `subscription { messageAdded { ${MESSAGE_FIELDS} } }`);
    const alices = subscribe(alice, `subscription { messageAdded { ${MESSAGE_FIELDS} } }`);
    await livePrivate(bobs, alice, bob);
    await livePrivate(alices, bob, alice);
    const sent = await kit.chat.sendPrivateMessage({ fromUserId: alice.userId, toUserId: bob.userId, message: 'the real one', clientMessageId: 'c-9' });
    const expected = {
      messageId: sent.messageId,
      kind: 'private',
      senderId: alice.userId,
      recipientId: bob.userId,
      roomId: null,
      message: 'the real one',
      timestamp: sent.timestamp,
      seq: sent.seq,
      sender: { username: alice.username },
    };
    expect((await bobs.next(withText('the real one'))).data).toEqual({ messageAdded: { ...expected, clientMessageId: null } });
    expect((await alices.next(withText('the real one'))).data).toEqual({ messageAdded: { ...expected, clientMessageId: 'c-9' } });
  });

  it('messageAdded delivers the messages of the rooms one is in, and nothing of the others', async () => {
    const alice = await signUp(kit.users, 'alice');
    const bob = await signUp(kit.users, 'bob');
    const { roomId: shared } = await kit.chat.createRoom({ roomName: 'shared', userId: alice.userId });
    const { roomId: alicesOnly } = await kit.chat.createRoom({ roomName: 'mine', userId: alice.userId });
    await kit.chat.joinRoom({ userId: bob.userId, roomId: shared });
    const bobs = subscribe(bob, 'subscription { messageAdded { message roomId } }');
    await liveRoom(bobs, alice, shared);
    await kit.chat.sendRoomMessage({ userId: alice.userId, roomId: alicesOnly, message: 'not for bob' });
    await kit.chat.sendRoomMessage({ userId: alice.userId, roomId: shared, message: 'for bob' });
    expect((await bobs.next(withText('for bob'))).data).toEqual({ messageAdded: { message: 'for bob', roomId: shared } });
    expect(bobs.pending().filter(withText('not for bob'))).toEqual([]);
  });

  it('roomMessageAdded delivers one room only', async () => {
    const alice = await signUp(kit.users, 'alice');
    const { roomId } = await kit.chat.createRoom({ roomName: 'one', userId: alice.userId });
    const { roomId: other } = await kit.chat.createRoom({ roomName: 'other', userId: alice.userId });
    const subscription = subscribe(alice, 'subscription($roomId: Int!) { roomMessageAdded(roomId: $roomId) { message roomId sender { username } } }', { roomId });
    await liveRoom(subscription, alice, roomId);
    await kit.chat.sendPrivateMessage({ fromUserId: alice.userId, toUserId: alice.userId, message: 'private' });
    await kit.chat.sendRoomMessage({ userId: alice.userId, roomId: other, message: 'elsewhere' });
    await kit.chat.sendRoomMessage({ userId: alice.userId, roomId, message: 'here' });
    expect((await subscription.next(withText('here'))).data).toEqual({ roomMessageAdded: { message: 'here', roomId, sender: { username: alice.username } } });
    expect(subscription.pending().filter((result) => withText('private')(result) || withText('elsewhere')(result))).toEqual([]);
  });

  it('roomMessageAdded refuses a non-member with CHAT_NOT_A_ROOM_MEMBER', async () => {
    const alice = await signUp(kit.users, 'alice');
    const eve = await signUp(kit.users, 'eve');
    const { roomId } = await kit.chat.createRoom({ roomName: 'secret', userId: alice.userId });
    const ending = await subscribe(eve, `subscription { roomMessageAdded(roomId: ${roomId}) { message } }`).ending();
    expect(ending).toEqual({ kind: 'errors', errors: [expect.objectContaining({ extensions: { code: 'CHAT_NOT_A_ROOM_MEMBER' }, path: ['roomMessageAdded'] })] });
  });

  it('stops delivering a room to a member who left, on both subscriptions', async () => {
    const alice = await signUp(kit.users, 'alice');
    const bob = await signUp(kit.users, 'bob');
    const { roomId } = await kit.chat.createRoom({ roomName: 'team', userId: alice.userId });
    await kit.chat.joinRoom({ userId: bob.userId, roomId });
    const everything = subscribe(bob, 'subscription { messageAdded { message } }');
    const room = subscribe(bob, `subscription { roomMessageAdded(roomId: ${roomId}) { message } }`);
    await liveRoom(everything, alice, roomId);
    await liveRoom(room, alice, roomId);
    await kit.chat.leaveRoom({ userId: bob.userId, roomId });
    await kit.chat.sendRoomMessage({ userId: alice.userId, roomId, message: 'after bob left' });
    await kit.chat.joinRoom({ userId: bob.userId, roomId });
    await kit.chat.sendRoomMessage({ userId: alice.userId, roomId, message: 'after bob came back' });
    for (const subscription of [everything, room]) {
      await subscription.next(withText('after bob came back'));
      expect(subscription.pending().filter(withText('after bob left'))).toEqual([]);
    }
  });

  it('closes a connection whose connection_init has no valid token with 4403', async () => {
    const query = 'subscription { messageAdded { message } }';
    expect(await GraphqlSubscriber.withToken(`${base.replace('http', 'ws')}/graphql`, 'forged').subscribe(query).ending()).toEqual({
      kind: 'closed',
      code: 4403,
      reason: 'Forbidden',
    });
    expect(await new GraphqlSubscriber(`${base.replace('http', 'ws')}/graphql`).subscribe(query).ending()).toMatchObject({ kind: 'closed', code: 4403 });
  });

  it('holds subscriptions to the same document rules as queries', async () => {
    const alice = await signUp(kit.users, 'alice');
    const cases: Array<[string, string]> = [
      ['subscription { messageAdded { nope } }', 'GRAPHQL_VALIDATION_FAILED'],
      ['subscription { messageAdded { message }', 'GRAPHQL_PARSE_FAILED'],
      ['subscription { roomMessageAdded(roomId: 0) { message } }', 'VALIDATION_FAILED'],
    ];
    for (const [query, code] of cases) {
      const ending = await subscribe(alice, query).ending();
      expect({ query, ending }).toEqual({ query, ending: { kind: 'errors', errors: [expect.objectContaining({ extensions: { code } })] } });
    }
  });

  it('refuses subscriptions deeper than the limit with GRAPHQL_QUERY_TOO_DEEP', async () => {
    await kit.app.close();
    kit = await startGatewayTestKit({ graphql: { maxDepth: 2 } });
    await kit.app.listen({ host: '127.0.0.1', port: 0 });
    base = `http://127.0.0.1:${(kit.app.server.address() as AddressInfo).port}`;
    const alice = await signUp(kit.users, 'alice');
    const ending = await subscribe(alice, 'subscription { messageAdded { sender { username } } }').ending();
    expect(ending).toEqual({ kind: 'errors', errors: [expect.objectContaining({ extensions: { code: 'GRAPHQL_QUERY_TOO_DEEP' } })] });
  });

  it('closes its GraphQL sockets when the app closes', async () => {
    const alice = await signUp(kit.users, 'alice');
    const subscription = subscribe(alice, 'subscription { messageAdded { message } }');
    await livePrivate(subscription, alice, alice);
    await kit.app.close();
    expect(await subscription.ending()).toMatchObject({ kind: 'closed', code: 1001 });
  });
});
