import type { NameAndRegistrationPair } from 'awilix';
import { aliasTo, asClass } from 'awilix';
import type { JwksProvider, TokenVerifier, UserAccounts, UserDirectory, UserSessions } from './contracts';
import type { KeyStore, PasswordHasher, SessionStatus, SessionStore, TicketStore, TokenIssuer, UserRepository } from './ports';
import { UsersService } from './application/users.service';
import { SessionsService } from './application/sessions.service';
import { BcryptPasswordHasher } from './adapters/crypto/bcrypt-password.hasher';
import { Ed25519KeyRing } from './adapters/jose/ed25519-key-ring';
import { JoseTokenIssuer } from './adapters/jose/jose-token.issuer';
import { JoseTokenVerifier } from './adapters/jose/jose-token.verifier';
import { JwksKeyCache } from './adapters/jose/jwks-key-cache';
import { RevocationAwareSessionStatus } from './adapters/jose/revocation-aware.session-status';
import { InMemoryUserRepository } from './adapters/in-memory/in-memory-user.repository';
import { InMemoryKeyStore } from './adapters/in-memory/in-memory.key-store';
import { InMemorySessionStore } from './adapters/in-memory/in-memory.session-store';
import { InMemoryTicketStore } from './adapters/in-memory/in-memory.ticket-store';
import { MikroOrmKeyStore, MikroOrmSessionStore, MikroOrmTicketStore, MikroOrmUserRepository } from './adapters/mongo';
import { SqliteKeyStore, SqliteSessionStore, SqliteTicketStore, SqliteUserRepository } from './adapters/sqlite';
import { GrpcUsersClient } from './adapters/grpc/users.grpc-client';

/** What {@link usersApplicationRegistrations} adds to a container. */
export interface UsersApplicationCradle {
  readonly usersService: UsersService;
  readonly sessionsService: SessionsService;
  readonly userAccounts: UserAccounts;
  readonly userDirectory: UserDirectory;
  readonly userSessions: UserSessions;
  readonly sessionStatus: SessionStatus;
}

/** What {@link usersCryptoRegistrations} adds to a container: everything that signs, and the verifier. */
export interface UsersCryptoCradle {
  readonly passwordHasher: PasswordHasher;
  readonly keyRing: Ed25519KeyRing;
  readonly jwksProvider: JwksProvider;
  readonly tokenIssuer: TokenIssuer;
  readonly jwksKeyCache: JwksKeyCache;
  readonly tokenVerifier: TokenVerifier;
}

/** What a users storage bundle adds to a container. */
export interface UsersStorageCradle {
  readonly userRepository: UserRepository;
  readonly keyStore: KeyStore;
  readonly sessionStore: SessionStore;
  readonly ticketStore: TicketStore;
}

/**
 * The users module's services behind its inbound ports (`userAccounts` and `userDirectory`
 * alias one UsersService, `userSessions` and `sessionStatus` one SessionsService). They need
 * the storage and crypto bundles, `eventBus`, `clock`, `logger` and the token lifetimes
 * (PROXY injection: constructors get the cradle as their deps).
 */
export const usersApplicationRegistrations = (): NameAndRegistrationPair<UsersApplicationCradle> => ({
  usersService: asClass(UsersService).singleton(),
  sessionsService: asClass(SessionsService).singleton(),
  userAccounts: aliasTo('usersService'),
  userDirectory: aliasTo('usersService'),
  userSessions: aliasTo('sessionsService'),
  sessionStatus: aliasTo('sessionsService'),
});

/**
 * Only in the process that holds the users module: bcrypt, the Ed25519 key ring (start it
 * with `keyRing.start()`; it stops with the container), EdDSA tokens signed with it, and
 * the verifier over the ring's own JWKS and the local `sessionStatus`.
 */
export const usersCryptoRegistrations = (): NameAndRegistrationPair<UsersCryptoCradle> => ({
  passwordHasher: asClass(BcryptPasswordHasher).singleton(),
  keyRing: asClass(Ed25519KeyRing)
    .singleton()
    .disposer((ring) => ring.stop()),
  jwksProvider: aliasTo('keyRing'),
  tokenIssuer: asClass(JoseTokenIssuer).singleton(),
  jwksKeyCache: asClass(JwksKeyCache).singleton(),
  tokenVerifier: asClass(JoseTokenVerifier).singleton(),
});

/** Users, keys, sessions and tickets in process memory: for the monolith without a database, and tests. */
export const usersInMemoryStorageRegistrations = (): NameAndRegistrationPair<UsersStorageCradle> => ({
  userRepository: asClass(InMemoryUserRepository).singleton(),
  keyStore: asClass(InMemoryKeyStore).singleton(),
  sessionStore: asClass(InMemorySessionStore).singleton(),
  ticketStore: asClass(InMemoryTicketStore).singleton(),
});

/** Users, keys, sessions and tickets in MongoDB through MikroORM; needs `mongoOrm` (opened with `usersEntities`). */
export const usersMongoStorageRegistrations = (): NameAndRegistrationPair<UsersStorageCradle> => ({
  userRepository: asClass(MikroOrmUserRepository).singleton(),
  keyStore: asClass(MikroOrmKeyStore).singleton(),
  sessionStore: asClass(MikroOrmSessionStore).singleton(),
  ticketStore: asClass(MikroOrmTicketStore).singleton(),
});

/** Users, keys, sessions and tickets in SQLite; needs `usersSqlite` registered (DATA_DIR/users.db, opened with `usersSqliteMigrations`). */
export const usersSqliteStorageRegistrations = (): NameAndRegistrationPair<UsersStorageCradle> => ({
  userRepository: asClass(SqliteUserRepository).singleton(),
  keyStore: asClass(SqliteKeyStore).singleton(),
  sessionStore: asClass(SqliteSessionStore).singleton(),
  ticketStore: asClass(SqliteTicketStore).singleton(),
});

/** What {@link usersGrpcClientRegistrations} adds to a container. */
export interface UsersRemoteCradle {
  readonly usersGrpcClient: GrpcUsersClient;
  readonly userAccounts: UserAccounts;
  readonly userDirectory: UserDirectory;
  readonly userSessions: UserSessions;
  readonly jwksProvider: JwksProvider;
}

/**
 * The users module's inbound ports answered by the user service over gRPC. Reads
 * `usersGrpcAddress`, `grpcDeadlineMs`, `grpcCallCredentials`, `grpcClientTls` and `logger`; the channel closes with the container.
 */
export const usersGrpcClientRegistrations = (): NameAndRegistrationPair<UsersRemoteCradle> => ({
  usersGrpcClient: asClass(GrpcUsersClient)
    .singleton()
    .disposer((client) => client.close()),
  userAccounts: aliasTo('usersGrpcClient'),
  userDirectory: aliasTo('usersGrpcClient'),
  userSessions: aliasTo('usersGrpcClient'),
  jwksProvider: aliasTo('usersGrpcClient'),
});

/** What {@link usersRemoteVerificationRegistrations} adds to a container. */
export interface UsersVerificationCradle {
  readonly jwksKeyCache: JwksKeyCache;
  readonly sessionStatus: RevocationAwareSessionStatus;
  readonly tokenVerifier: TokenVerifier;
}

/**
 * Verification only, outside the users module (gateways, chat service): public keys from
 * `jwksProvider` (GetJwks), sessions checked with `userSessions` and revoked by events on
 * `eventBus`. No private key. Call `sessionStatus.start()` before serving.
 */
export const usersRemoteVerificationRegistrations = (): NameAndRegistrationPair<UsersVerificationCradle> => ({
  jwksKeyCache: asClass(JwksKeyCache).singleton(),
  sessionStatus: asClass(RevocationAwareSessionStatus).singleton(),
  tokenVerifier: asClass(JoseTokenVerifier).singleton(),
});
