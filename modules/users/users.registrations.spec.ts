import { asValue, createContainer } from 'awilix';
import { silentLogger, systemClock } from '../kernel';
import type { TokenVerifier, UserAccounts, UserDirectory } from './contracts';
import type { TokenIssuer } from './ports';
import { usersApplicationRegistrations, usersCryptoRegistrations, usersInMemoryStorageRegistrations } from './users.registrations';

describe('users registrations', () => {
  const container = () =>
    createContainer({ strict: true })
      .register({
        clock: asValue(systemClock),
        logger: asValue(silentLogger),
        eventBus: asValue({ publish: async () => {}, subscribe: async () => {}, close: async () => {} }),
        bcryptCost: asValue(4),
        jwtSecret: asValue('s'.repeat(48)),
        jwtTtlSeconds: asValue(600),
      })
      .register(usersInMemoryStorageRegistrations())
      .register(usersCryptoRegistrations())
      .register(usersApplicationRegistrations());

  it('wires one service behind both inbound ports and one token adapter behind issuer and verifier', () => {
    const cradle = container().cradle as Record<string, unknown>;
    expect(cradle.userAccounts).toBe(cradle.usersService);
    expect(cradle.userDirectory).toBe(cradle.usersService);
    expect(cradle.tokenIssuer).toBe(cradle.tokens);
    expect(cradle.tokenVerifier).toBe(cradle.tokens);
  });

  it('resolves a working module: register, authenticate, verify, getUser', async () => {
    const cradle = container().cradle as {
      userAccounts: UserAccounts;
      userDirectory: UserDirectory;
      tokenVerifier: TokenVerifier;
      tokenIssuer: TokenIssuer;
    };
    const user = await cradle.userAccounts.register({ username: 'wired', email: 'wired@example.com', password: 'password1' });
    const { token } = await cradle.userAccounts.authenticate({ username: 'WIRED', password: 'password1' });
    await expect(cradle.tokenVerifier.verify(token)).resolves.toEqual({ userId: user.userId });
    await expect(cradle.userDirectory.getUser({ userId: user.userId })).resolves.toEqual(user);
  });
});
