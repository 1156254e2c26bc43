import { InMemoryConcurrencyLimiter, InMemoryPresenceDirectory, InMemoryRateLimiter, InMemorySignalBus, InMemorySignalThrottle } from '@chatterroom/kernel/adapters';
import { silentLogger, systemClock } from '@chatterroom/kernel';
import { InMemoryEventBus } from '@chatterroom/kernel/adapters/in-memory-event-bus';
import type { UserDirectory } from '@chatterroom/users/contracts';
import { makeInProcessUsers } from '@chatterroom/test/contract/ports/users/in-process-users';
import { GrpcUsersClient } from '@chatterroom/users/adapters/grpc/users.grpc-client';
import { usersGrpcService } from '@chatterroom/users/adapters/grpc/users.grpc-server';
import { forwardedCallerToken, startGrpcServer, type RunningGrpcServer } from '@chatterroom/platform/grpc';
import { buildGatewayApp } from '../gateway-app';
import { FakeChat } from '@chatterroom/test/kits/gateway/fake-chat';
import { inMemoryRoomAdministration } from '@chatterroom/test/kits/gateway/in-memory-room-administration';
import { FakeEventBus } from '@chatterroom/test/kits/gateway/fake-event-bus';
import { graphqlInject } from '@chatterroom/test/kits/gateway/graphql-inject';
import { FakeConversations } from '@chatterroom/test/kits/gateway/fake-conversations';

/**
 * The split deployment's path for authors: the gateway's UserDirectory is the gRPC client,
 * the user service behind the loopback server counts what reaches it.
 */
describe('GraphQL message authors over gRPC', () => {
  let server: RunningGrpcServer;
  let client: GrpcUsersClient;
  let userEvents: InMemoryEventBus;
  let counted: { getUser: jest.Mock; getUsers: jest.Mock };
  let gql: ReturnType<typeof graphqlInject>;
  let close: () => Promise<void>;

  beforeEach(async () => {
    userEvents = new InMemoryEventBus({ logger: silentLogger });
    const users = makeInProcessUsers({ eventBus: userEvents });
    const service = users.usersService;
    const tokens = users.tokenVerifier;
    counted = { getUser: jest.fn((input) => service.getUser(input)), getUsers: jest.fn((input) => service.getUsers(input)) };
    server = await startGrpcServer({
      host: '127.0.0.1',
      port: 0,
      services: [
        usersGrpcService({
          userAccounts: service,
          userDirectory: counted as unknown as UserDirectory,
          userSessions: users.sessionsService,
          jwksProvider: users.keyRing,
        }),
      ],
      auth: { tokenVerifier: tokens },
      logger: silentLogger,
    });
    // as in a gateway: each call carries the token of the GraphQL request it serves
    client = new GrpcUsersClient({
      usersGrpcAddress: `127.0.0.1:${server.port}`,
      grpcDeadlineMs: 5_000,
      grpcCallCredentials: forwardedCallerToken,
      grpcClientTls: undefined,
      logger: silentLogger,
    });
    const bus = new FakeEventBus();
    const chat = new FakeChat({ eventBus: bus, userExists: () => true });
    const app = await buildGatewayApp({
      userAccounts: client,
      userDirectory: client,
      tokenVerifier: tokens,
      userSessions: client,
      jwksProvider: client,
      messaging: chat,
      chatFeed: chat,
      roomRegistry: chat,
      messageEditing: chat,
      conversations: new FakeConversations({ eventBus: bus }),
      roomAdministration: inMemoryRoomAdministration(bus, () => true),
      eventBus: bus,
      signalBus: new InMemorySignalBus({ logger: silentLogger }), presenceDirectory: new InMemoryPresenceDirectory(), signalThrottle: new InMemorySignalThrottle({ clock: systemClock }),
      rateLimiter: new InMemoryRateLimiter(),
      concurrencyLimiter: new InMemoryConcurrencyLimiter(),
    });
    gql = graphqlInject(app);
    close = async () => {
      await app.close();
      await client.close();
      await server.close();
      await userEvents.close();
    };
  });

  afterEach(() => close());

  const signUp = async (username: string) => {
    const created = await gql(`mutation { createUser(username: "${username}", email: "${username}@example.test", password: "pw-long-enough") { userId } }`);
    const signedIn = await gql(`mutation { authenticate(username: "${username}", password: "pw-long-enough") { token } }`);
    return { userId: created.body.data.createUser.userId as number, token: signedIn.body.data.authenticate.token as string };
  };

  it('makes ONE GetUsers call and no GetUser call for a history written by several authors', async () => {
    const [owner, ...others] = [await signUp('owner'), await signUp('second'), await signUp('third')];
    const roomId = (await gql('mutation { createRoom(name: "busy") { roomId } }', { token: owner!.token })).body.data.createRoom.roomId;
    for (const member of others) await gql(`mutation { joinRoom(roomId: ${roomId}) { joined } }`, { token: member.token });
    for (const author of [owner!, ...others, owner!]) {
      await gql(`mutation { sendRoomMessage(roomId: ${roomId}, message: "from ${author.userId}") { seq } }`, { token: author.token });
    }
    counted.getUser.mockClear();
    counted.getUsers.mockClear();

    const answer = await gql(`{ room(id: ${roomId}) { messages { message sender { userId username } } } }`, { token: owner!.token });

    expect(answer.body.data.room.messages.map((entry: { sender: { userId: number } }) => entry.sender.userId)).toEqual([
      owner!.userId,
      others[0]!.userId,
      others[1]!.userId,
      owner!.userId,
    ]);
    expect(answer.body.data.room.messages.map((entry: { sender: { username: string } }) => entry.sender.username)).toEqual([
      'owner',
      'second',
      'third',
      'owner',
    ]);
    expect(counted.getUsers).toHaveBeenCalledTimes(1);
    expect(counted.getUser).not.toHaveBeenCalled();
  });
});
