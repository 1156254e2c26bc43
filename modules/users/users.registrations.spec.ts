import { asValue, createContainer } from 'awilix';
import { silentLogger, systemClock } from '@chatterroom/kernel';
import type { TokenVerifier, UserAccounts, UserDirectory } from './contracts';
import { usersApplicationRegistrations, usersCryptoRegistrations, usersInMemoryStorageRegistrations } from './users.registrations';

describe('users registrations', () => {
  const container = () =>
    createContainer({ strict: true })
      .register({
        clock: asValue(systemClock),
        logger: asValue(silentLogger),
        eventBus: asValue({ publish: async () => {}, subscribe: async () => {}, close: async () => {} }),
        bcryptCost: asValue(4),
        accessTokenTtlSeconds: asValue(600),
        refreshTokenTtlSeconds: asValue(3600),
        signingKeyRotationSeconds: asValue(3600),
        tokenClockToleranceSeconds: asValue(5),
      })
      .register(usersInMemoryStorageRegistrations())
      .register(usersCryptoRegistrations())
      .register(usersApplicationRegistrations());

  it('wires one service behind each pair of inbound ports, and the key ring behind the JWKS', () => {
    const cradle = container().cradle as Record<string, unknown>;
    expect(cradle.userAccounts).toBe(cradle.usersService);
    expect(cradle.userDirectory).toBe(cradle.usersService);
    expect(cradle.userSessions).toBe(cradle.sessionsService);
    expect(cradle.sessionStatus).toBe(cradle.sessionsService);
    expect(cradle.jwksProvider).toBe(cradle.keyRing);
  });

  it('resolves a working module: register, authenticate, verify, getUser', async () => {
    const cradle = container().cradle as {
      userAccounts: UserAccounts;
      userDirectory: UserDirectory;
      tokenVerifier: TokenVerifier;
    };
    const user = await cradle.userAccounts.register({ username: 'wired', email: 'wired@example.com', password: 'password1' });
    const { token } = await cradle.userAccounts.authenticate({ username: 'WIRED', password: 'password1' });
    await expect(cradle.tokenVerifier.verify(token)).resolves.toMatchObject({ userId: user.userId });
    await expect(cradle.userDirectory.getUser({ userId: user.userId })).resolves.toEqual(user);
  });
});
