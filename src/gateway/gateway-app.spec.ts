import { InMemoryConcurrencyLimiter, InMemoryPresenceDirectory, InMemoryRateLimiter, InMemorySignalBus, InMemorySignalThrottle } from '@chatterroom/kernel/adapters';
import { silentLogger, systemClock } from '@chatterroom/kernel';
import { buildGatewayApp } from './gateway-app';
import type { GatewayDeps } from './gateway-deps';
import { FakeChat } from '@chatterroom/test/kits/gateway/fake-chat';
import { inMemoryRoomAdministration } from '@chatterroom/test/kits/gateway/in-memory-room-administration';
import { FakeEventBus } from '@chatterroom/test/kits/gateway/fake-event-bus';
import { FakeUsers } from '@chatterroom/test/kits/gateway/fake-users';
import { FakeConversations } from '@chatterroom/test/kits/gateway/fake-conversations';

const depsWith = (bus: FakeEventBus): GatewayDeps => {
  const users = new FakeUsers();
  const chat = new FakeChat({ eventBus: bus, userExists: () => true });
  return { userAccounts: users, userDirectory: users, tokenVerifier: users, userSessions: users, jwksProvider: users, messaging: chat, chatFeed: chat, roomRegistry: chat, messageEditing: chat, signalBus: new InMemorySignalBus({ logger: silentLogger }), presenceDirectory: new InMemoryPresenceDirectory(), signalThrottle: new InMemorySignalThrottle({ clock: systemClock }), roomAdministration: inMemoryRoomAdministration(bus, () => true), conversations: new FakeConversations({ eventBus: bus }), eventBus: bus, rateLimiter: new InMemoryRateLimiter(), concurrencyLimiter: new InMemoryConcurrencyLimiter() };
};

describe('buildGatewayApp', () => {
  it('resolves only once it is subscribed to every chat event, broadcast to each instance', async () => {
    const bus = new FakeEventBus();
    let openGate = () => {};
    bus.subscribeGate = new Promise((resolve) => (openGate = resolve));
    let built = false;
    const building = buildGatewayApp(depsWith(bus)).then((app) => {
      built = true;
      return app;
    });
    await new Promise((resolve) => setImmediate(resolve));
    expect(built).toBe(false);
    openGate();
    const app = await building;
    expect(bus.subscriptions.map(({ subscription }) => subscription)).toEqual([
      { types: ['users.session-revoked.v1'], delivery: { mode: 'broadcast' } },
      { types: ['chat.*'], delivery: { mode: 'broadcast' }, onResumed: expect.any(Function) },
    ]);
    await app.close();
  });

  it('never listens by itself', async () => {
    const app = await buildGatewayApp(depsWith(new FakeEventBus()));
    await app.ready();
    expect(app.server.listening).toBe(false);
    await app.close();
  });

  it('accepts a ready logger instance', async () => {
    const lines: string[] = [];
    const pino = (await import('pino')).default;
    const logger = pino({ level: 'info' }, { write: (line: string) => lines.push(line) });
    const app = await buildGatewayApp(depsWith(new FakeEventBus()), { logger });
    await app.inject({ method: 'GET', url: '/health' });
    expect(lines.join('')).toContain('/health');
    await app.close();
  });
});
