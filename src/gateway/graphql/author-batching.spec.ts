import { codesOf, graphqlInject } from '@chatterroom/test/kits/gateway/graphql-inject';
import { signUp, startGatewayTestKit, type GatewayTestKit } from '@chatterroom/test/kits/gateway/gateway-test-kit';

describe('GraphQL message authors', () => {
  let kit: GatewayTestKit;
  let gql: ReturnType<typeof graphqlInject>;

  beforeEach(async () => {
    kit = await startGatewayTestKit();
    gql = graphqlInject(kit.app);
  });

  afterEach(() => kit.app.close());

  const roomWithMessagesFrom = async (count: number) => {
    const authors = [];
    for (let i = 0; i < count; i += 1) authors.push(await signUp(kit.users, `author${i}`));
    const [owner] = authors;
    const { roomId } = await kit.chat.createRoom({ roomName: 'busy', userId: owner!.userId });
    for (const author of authors.slice(1)) await kit.chat.joinRoom({ userId: author.userId, roomId });
    for (const round of [1, 2]) {
      for (const author of authors) await kit.chat.sendRoomMessage({ userId: author.userId, roomId, message: `${author.username} ${round}` });
    }
    return { authors, owner: owner!, roomId };
  };

  it('resolves every author of a history with ONE getUsers call and no getUser call', async () => {
    const { authors, owner, roomId } = await roomWithMessagesFrom(4);
    const getUsers = jest.spyOn(kit.users, 'getUsers');
    const getUser = jest.spyOn(kit.users, 'getUser');
    const answer = await gql(`{ room(id: ${roomId}) { messages { message sender { userId username } } } }`, { token: owner.token });
    const messages = answer.body.data.room.messages as Array<{ message: string; sender: { userId: number; username: string } }>;
    expect(messages).toHaveLength(8);
    for (const { message, sender } of messages) expect(message.startsWith(`${sender.username} `)).toBe(true);
    expect(new Set(messages.map(({ sender }) => sender.userId))).toEqual(new Set(authors.map((author) => author.userId)));
    expect(getUsers).toHaveBeenCalledTimes(1);
    expect(getUsers.mock.calls[0]![0].userIds).toHaveLength(4);
    expect(getUser).not.toHaveBeenCalled();
  });

  it('asks once per user across several lists of one request', async () => {
    const { owner, roomId } = await roomWithMessagesFrom(3);
    const getUsers = jest.spyOn(kit.users, 'getUsers');
    const answer = await gql(
      `{ a: room(id: ${roomId}) { messages(limit: 3) { sender { username } } } b: room(id: ${roomId}) { messages { sender { username } } } }`,
      { token: owner.token },
    );
    expect(codesOf(answer)).toEqual([]);
    const askedFor = getUsers.mock.calls.flatMap(([input]) => input.userIds);
    expect(askedFor).toHaveLength(new Set(askedFor).size);
    expect(getUsers.mock.calls.length).toBeLessThanOrEqual(2);
  });

  it('resolves members through the same batch loader', async () => {
    const { owner, roomId } = await roomWithMessagesFrom(5);
    const getUsers = jest.spyOn(kit.users, 'getUsers');
    const getUser = jest.spyOn(kit.users, 'getUser');
    const answer = await gql(`{ room(id: ${roomId}) { members { userId username } } }`, { token: owner.token });
    expect(answer.body.data.room.members).toHaveLength(5);
    expect(getUsers).toHaveBeenCalledTimes(1);
    expect(getUser).not.toHaveBeenCalled();
  });
});
