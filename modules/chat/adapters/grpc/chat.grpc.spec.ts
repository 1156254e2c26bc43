import { randomUUID } from 'node:crypto';
import { silentLogger, systemClock } from '@chatterroom/kernel';
import { InMemoryEventBus } from '@chatterroom/kernel/adapters';
import { forwardedCallerToken, startGrpcServer } from '@chatterroom/platform/grpc';
import { describeChatApiContract } from '@chatterroom/test/contract/ports/chat/chat-api.contract';
import { onBehalfOfActingUser } from '@chatterroom/test/contract/ports/on-behalf-of-acting-user';
import { makeInProcessUsers, sessionTokenIssuer } from '@chatterroom/test/contract/ports/users/in-process-users';
import { createInMemoryChatStorage } from '../in-memory/in-memory.chat-storage';
import { MessagingService } from '../../application/messaging.service';
import { RoomsService } from '../../application/rooms.service';
import { ChatFeedService } from '../../application/chat-feed.service';
import { MessageEditingService } from '../../application/message-editing.service';
import { RoleRoomModeration } from '../rooms/role.room-moderation';
import { ConversationsService } from '../../application/conversations.service';
import { RoomAdministrationService } from '../../application/room-administration.service';
import type { UserLookup } from '../../ports';
import { GrpcChatClient } from './chat.grpc-client';
import { chatGrpcService } from './chat.grpc-server';
import { GrpcConversationsClient } from './conversations.grpc-client';
import { inMemoryConversationStores } from '@chatterroom/test/contract/ports/chat/in-memory-conversation-stores';

const EXISTING_USER_IDS: [number, number, number] = [3, 11, 7];
/** The users module whose real tokens the callers present and the chat server verifies (its keys and sessions). */
const users = makeInProcessUsers({ eventBus: new InMemoryEventBus({ logger: silentLogger }) });
const tokens = sessionTokenIssuer(users);

const userLookupOf = (userIds: readonly number[]): UserLookup => {
  const known = new Set(userIds);
  return { exists: async (userId) => known.has(userId) };
};

/** The real chat services on in-memory stores, served on 127.0.0.1, and a client to them. */
const startLoopback = async () => {
  const eventBus = new InMemoryEventBus({ logger: silentLogger });
  const common = {
    ...createInMemoryChatStorage(),
    ...inMemoryConversationStores(),
    eventBus,
    clock: systemClock,
    logger: silentLogger,
    userLookup: userLookupOf(EXISTING_USER_IDS),
  };
  const messaging = new MessagingService(common);
  const roomRegistry = new RoomsService(common);
  const conversations = new ConversationsService(common);
  const roomAdministration = new RoomAdministrationService(common);
  const chatFeed = new ChatFeedService({ ...common, chatEventRetentionMs: 3_600_000 });
  const messageEditing = new MessageEditingService({ ...common, roomModeration: new RoleRoomModeration(common) });
  const server = await startGrpcServer({
    host: '127.0.0.1',
    port: 0,
    services: [chatGrpcService({ messaging, roomRegistry, roomAdministration, conversations, messageEditing, chatFeed })],
    auth: { tokenVerifier: users.tokenVerifier },
    logger: silentLogger,
  });
  const remote = new GrpcChatClient({
    chatGrpcAddress: `127.0.0.1:${server.port}`,
    grpcDeadlineMs: 5_000,
    grpcCallCredentials: forwardedCallerToken,
    grpcClientTls: undefined,
    logger: silentLogger,
  });
  const remoteConversations = new GrpcConversationsClient({
    chatGrpcAddress: `127.0.0.1:${server.port}`,
    grpcDeadlineMs: 5_000,
    grpcCallCredentials: forwardedCallerToken,
    grpcClientTls: undefined,
    logger: silentLogger,
  });
  // Each call runs as the user it acts as, as the gateway runs it with the caller's token.
  const client = onBehalfOfActingUser(remote, tokens);
  const conversationsClient = onBehalfOfActingUser(remoteConversations, tokens);
  const close = async () => {
    await remote.close();
    await remoteConversations.close();
    await server.close();
    await eventBus.close();
  };
  return { client, conversationsClient, close };
};

describeChatApiContract('GrpcChatClient over a loopback gRPC server', async () => {
  const { client, conversationsClient, close } = await startLoopback();
  return { messaging: client, rooms: client, administration: client, editing: client, conversations: conversationsClient, existingUserIds: EXISTING_USER_IDS, close };
});

describe('GrpcChatClient optional fields', () => {
  let loopback: Awaited<ReturnType<typeof startLoopback>>;
  beforeAll(async () => {
    loopback = await startLoopback();
  });
  afterAll(() => loopback.close());

  const [a, b] = EXISTING_USER_IDS;

  it('leaves absent fields absent: no roomId or clientMessageId on an unkeyed private message', async () => {
    const sent = await loopback.client.sendPrivateMessage({ fromUserId: a, toUserId: b, message: `plain ${randomUUID()}` });
    expect(Object.keys(sent).sort()).toEqual(['kind', 'message', 'messageId', 'recipientId', 'senderId', 'seq', 'timestamp']);
    const [stored] = await loopback.client.getPrivateHistory({ fromUserId: a, toUserId: b, limit: 1 });
    expect(stored).toStrictEqual(sent);
  });

  it('leaves no recipientId on a room message', async () => {
    const room = await loopback.client.createRoom({ roomName: `r ${randomUUID()}`, userId: a });
    const sent = await loopback.client.sendRoomMessage({ userId: a, roomId: room.roomId, message: 'hi', clientMessageId: 'k1' });
    expect(Object.keys(sent).sort()).toEqual(['clientMessageId', 'kind', 'message', 'messageId', 'roomId', 'senderId', 'seq', 'timestamp']);
    expect(sent).toMatchObject({ kind: 'room', roomId: room.roomId, clientMessageId: 'k1' });
  });

  it('sends an empty cursor as given, not as "no cursor"', async () => {
    await loopback.client.sendPrivateMessage({ fromUserId: a, toUserId: b, message: `c ${randomUUID()}` });
    await expect(loopback.client.getPrivateHistory({ fromUserId: a, toUserId: b, before: '' })).rejects.toMatchObject({
      code: 'CHAT_INVALID_CURSOR',
    });
  });

  it('sends a limit of 0 as given, not as "no limit"', async () => {
    await expect(loopback.client.getPrivateHistory({ fromUserId: a, toUserId: b, limit: 0 })).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
    });
  });

  it('treats null paging fields as omitted, as the service does', async () => {
    const sent = await loopback.client.sendPrivateMessage({ fromUserId: b, toUserId: a, message: `n ${randomUUID()}` });
    const page = await loopback.client.getPrivateHistory({ fromUserId: a, toUserId: b, before: null as never, limit: null as never });
    expect(page[page.length - 1]).toEqual(sent);
  });

  it('reports the membership after join and leave', async () => {
    const room = await loopback.client.createRoom({ roomName: `m ${randomUUID()}`, userId: a });
    await expect(loopback.client.joinRoom({ userId: b, roomId: room.roomId })).resolves.toEqual({ roomId: room.roomId, userId: b, joined: true });
    await expect(loopback.client.leaveRoom({ userId: b, roomId: room.roomId })).resolves.toEqual({ roomId: room.roomId, userId: b, joined: false });
  });
});
