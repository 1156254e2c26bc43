import { silentLogger, systemClock, type Clock, type EventBus, type Logger } from '@chatterroom/kernel';
import { UsersService } from '@chatterroom/users/application/users.service';
import { SessionsService } from '@chatterroom/users/application/sessions.service';
import { BcryptPasswordHasher } from '@chatterroom/users/adapters/crypto/bcrypt-password.hasher';
import { Ed25519KeyRing } from '@chatterroom/users/adapters/jose/ed25519-key-ring';
import { JoseTokenIssuer } from '@chatterroom/users/adapters/jose/jose-token.issuer';
import { JoseTokenVerifier } from '@chatterroom/users/adapters/jose/jose-token.verifier';
import { JwksKeyCache } from '@chatterroom/users/adapters/jose/jwks-key-cache';
import { InMemoryUserRepository } from '@chatterroom/users/adapters/in-memory/in-memory-user.repository';
import { InMemoryKeyStore } from '@chatterroom/users/adapters/in-memory/in-memory.key-store';
import { InMemorySessionStore } from '@chatterroom/users/adapters/in-memory/in-memory.session-store';
import { InMemoryTicketStore } from '@chatterroom/users/adapters/in-memory/in-memory.ticket-store';
import type { KeyStore, PasswordHasher, SessionStore, TicketStore, UserRepository } from '@chatterroom/users/ports';

export interface InProcessUsersOptions {
  readonly eventBus: EventBus;
  readonly clock?: Clock;
  readonly logger?: Logger;
  readonly userRepository?: UserRepository;
  readonly passwordHasher?: PasswordHasher;
  readonly keyStore?: KeyStore;
  readonly sessionStore?: SessionStore;
  readonly ticketStore?: TicketStore;
  readonly accessTokenTtlSeconds?: number;
  readonly refreshTokenTtlSeconds?: number;
  readonly tokenClockToleranceSeconds?: number;
}

/** The users module wired by hand as the monolith wires it (in-memory stores by default), for tests. */
export const makeInProcessUsers = (options: InProcessUsersOptions) => {
  const clock = options.clock ?? systemClock;
  const logger = options.logger ?? silentLogger;
  const accessTokenTtlSeconds = options.accessTokenTtlSeconds ?? 900;
  const tokenClockToleranceSeconds = options.tokenClockToleranceSeconds ?? 5;
  const keyRing = new Ed25519KeyRing({
    keyStore: options.keyStore ?? new InMemoryKeyStore(),
    clock,
    logger,
    signingKeyRotationSeconds: 3600,
    accessTokenTtlSeconds,
    tokenClockToleranceSeconds,
  });
  const tokenIssuer = new JoseTokenIssuer({ keyRing, clock, accessTokenTtlSeconds });
  const sessionStore = options.sessionStore ?? new InMemorySessionStore();
  const sessionsService = new SessionsService({
    sessionStore,
    ticketStore: options.ticketStore ?? new InMemoryTicketStore(),
    tokenIssuer,
    eventBus: options.eventBus,
    clock,
    logger,
    accessTokenTtlSeconds,
    refreshTokenTtlSeconds: options.refreshTokenTtlSeconds ?? 86_400,
  });
  const userRepository = options.userRepository ?? new InMemoryUserRepository();
  const usersService = new UsersService({
    userRepository,
    passwordHasher: options.passwordHasher ?? new BcryptPasswordHasher({ bcryptCost: 4 }),
    sessionsService,
    eventBus: options.eventBus,
    clock,
    logger,
  });
  const tokenVerifier = new JoseTokenVerifier({
    jwksKeyCache: new JwksKeyCache({ jwksProvider: keyRing }),
    sessionStatus: sessionsService,
    clock,
    tokenClockToleranceSeconds,
  });
  return { usersService, sessionsService, keyRing, tokenIssuer, tokenVerifier, sessionStore, userRepository };
};

/**
 * Mints real access tokens for {@link onBehalfOfActingUser}, as a gateway forwards its
 * caller's token: one of the user's live sessions (the newest) when there is one, else a
 * session opened for the purpose, so the session lists the contract cases pin stay as they are.
 */
export const sessionTokenIssuer = (users: Pick<ReturnType<typeof makeInProcessUsers>, 'sessionsService' | 'sessionStore' | 'tokenIssuer'>, clock: Clock = systemClock) => ({
  issue: async (userId: number): Promise<string> => {
    const [live] = await users.sessionStore.listActive(userId, clock.now().toISOString());
    if (live === undefined) return (await users.sessionsService.openSession({ userId })).token;
    return (await users.tokenIssuer.issue({ userId, sessionId: live.sessionId })).token;
  },
});
