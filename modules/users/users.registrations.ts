import type { NameAndRegistrationPair } from 'awilix';
import { aliasTo, asClass } from 'awilix';
import type { TokenVerifier, UserAccounts, UserDirectory } from './contracts';
import type { PasswordHasher, TokenIssuer, UserRepository } from './ports';
import { UsersService } from './application/users.service';
import { BcryptPasswordHasher } from './adapters/crypto/bcrypt-password.hasher';
import { HmacJwtTokens } from './adapters/crypto/hmac-jwt.tokens';
import { InMemoryUserRepository } from './adapters/in-memory/in-memory-user.repository';
import { MikroOrmUserRepository } from './adapters/mongo';
import { SqliteUserRepository } from './adapters/sqlite';
import { GrpcUsersClient } from './adapters/grpc/users.grpc-client';

/** What {@link usersApplicationRegistrations} adds to a container. */
export interface UsersApplicationCradle {
  readonly usersService: UsersService;
  readonly userAccounts: UserAccounts;
  readonly userDirectory: UserDirectory;
}

/** What {@link usersCryptoRegistrations} adds to a container. */
export interface UsersCryptoCradle {
  readonly passwordHasher: PasswordHasher;
  readonly tokens: HmacJwtTokens;
  readonly tokenIssuer: TokenIssuer;
  readonly tokenVerifier: TokenVerifier;
}

/** What a users storage bundle adds to a container. */
export interface UsersStorageCradle {
  readonly userRepository: UserRepository;
}

/**
 * The users module's service behind its two inbound ports (`userAccounts` and
 * `userDirectory` alias one singleton). It needs `userRepository`, `passwordHasher`,
 * `tokenIssuer`, `eventBus`, `clock` and `logger` beside it (PROXY injection: the
 * constructor gets the cradle as its deps).
 */
export const usersApplicationRegistrations = (): NameAndRegistrationPair<UsersApplicationCradle> => ({
  usersService: asClass(UsersService).singleton(),
  userAccounts: aliasTo('usersService'),
  userDirectory: aliasTo('usersService'),
});

/**
 * bcrypt hashing and HS256 tokens (`tokenIssuer` and `tokenVerifier` alias one
 * `tokens`). They read `bcryptCost`, `jwtSecret`, `jwtTtlSeconds` and `clock` from the cradle.
 */
export const usersCryptoRegistrations = (): NameAndRegistrationPair<UsersCryptoCradle> => ({
  passwordHasher: asClass(BcryptPasswordHasher).singleton(),
  tokens: asClass(HmacJwtTokens).singleton(),
  tokenIssuer: aliasTo('tokens'),
  tokenVerifier: aliasTo('tokens'),
});

/** Users kept in process memory: for the monolith without a database, and tests. */
export const usersInMemoryStorageRegistrations = (): NameAndRegistrationPair<UsersStorageCradle> => ({
  userRepository: asClass(InMemoryUserRepository).singleton(),
});

/** Users in MongoDB through MikroORM; needs `mongoOrm` registered (opened with `usersEntities`). */
export const usersMongoStorageRegistrations = (): NameAndRegistrationPair<UsersStorageCradle> => ({
  userRepository: asClass(MikroOrmUserRepository).singleton(),
});

/** Users in SQLite; needs `usersSqlite` registered (DATA_DIR/users.db, opened with `usersSqliteMigrations`). */
export const usersSqliteStorageRegistrations = (): NameAndRegistrationPair<UsersStorageCradle> => ({
  userRepository: asClass(SqliteUserRepository).singleton(),
});

/** What {@link usersGrpcClientRegistrations} adds to a container. */
export interface UsersRemoteCradle {
  readonly usersGrpcClient: GrpcUsersClient;
  readonly userAccounts: UserAccounts;
  readonly userDirectory: UserDirectory;
}

/**
 * The users module's inbound ports answered by the user service over gRPC. Reads
 * `usersGrpcAddress`, `grpcDeadlineMs` and `logger`; the channel closes with the container.
 */
export const usersGrpcClientRegistrations = (): NameAndRegistrationPair<UsersRemoteCradle> => ({
  usersGrpcClient: asClass(GrpcUsersClient)
    .singleton()
    .disposer((client) => client.close()),
  userAccounts: aliasTo('usersGrpcClient'),
  userDirectory: aliasTo('usersGrpcClient'),
});
