import type { FastifyInstance } from 'fastify';
import { buildGatewayApp, type GatewayAppOptions } from '@chatterroom/gateway/gateway-app';
import type { GatewayDeps } from '@chatterroom/gateway/gateway-deps';
import { InMemoryConcurrencyLimiter, InMemoryPresenceDirectory, InMemoryRateLimiter, InMemorySignalBus, InMemorySignalThrottle } from '@chatterroom/kernel/adapters';
import { silentLogger, systemClock } from '@chatterroom/kernel';
import { FakeChat } from './fake-chat';
import { FakeConversations } from './fake-conversations';
import { inMemoryRoomAdministration } from './in-memory-room-administration';
import { FakeEventBus } from './fake-event-bus';
import { FakeUsers } from './fake-users';

export interface GatewayTestKit {
  readonly app: FastifyInstance;
  readonly deps: GatewayDeps;
  readonly users: FakeUsers;
  readonly chat: FakeChat;
  readonly bus: FakeEventBus;
}

/** The gateway over fresh fakes of the inbound ports (and `overrides`, e.g. readiness checks). */
export const startGatewayTestKit = async (options: GatewayAppOptions = {}, overrides: Partial<GatewayDeps> = {}): Promise<GatewayTestKit> => {
  const users = new FakeUsers();
  const bus = new FakeEventBus();
  const chat = new FakeChat({ eventBus: bus, userExists: (userId) => users.exists(userId) });
  const deps: GatewayDeps = {
    userAccounts: users,
    userDirectory: users,
    tokenVerifier: users,
    userSessions: users,
    jwksProvider: users,
    messaging: chat,
    chatFeed: chat,
    roomRegistry: chat,
    messageEditing: chat,
    conversations: new FakeConversations({ eventBus: bus }),
    roomAdministration: inMemoryRoomAdministration(bus, (userId) => users.exists(userId)),
    eventBus: bus,
    signalBus: new InMemorySignalBus({ logger: silentLogger }), presenceDirectory: new InMemoryPresenceDirectory(), signalThrottle: new InMemorySignalThrottle({ clock: systemClock }),
    rateLimiter: new InMemoryRateLimiter(),
    concurrencyLimiter: new InMemoryConcurrencyLimiter(),
    ...overrides,
  };
  const app = await buildGatewayApp(deps, { heartbeatIntervalMs: 0, presenceBeatMs: 0, ...options });
  return { app, deps, users, chat, bus };
};

let counter = 0;

/** Registers a user with a unique name and returns their id, token and auth header. */
export const signUp = async (users: FakeUsers, prefix = 'user') => {
  counter += 1;
  const username = `${prefix}${counter}_${Math.floor(Math.random() * 1e6)}`;
  const user = await users.register({ username, email: `${username}@example.test`, password: 'correct horse' });
  const { token } = await users.authenticate({ username, password: 'correct horse' });
  return { ...user, token, headers: { authorization: `Bearer ${token}` } };
};
