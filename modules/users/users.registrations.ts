import type { NameAndRegistrationPair } from 'awilix';
import { aliasTo, asClass } from 'awilix';
import type { TokenVerifier, UserAccounts, UserDirectory } from './contracts';
import type { PasswordHasher, TokenIssuer, UserRepository } from './ports';
import { UsersService } from './application/users.service';
import { BcryptPasswordHasher } from './adapters/crypto/bcrypt-password.hasher';
import { HmacJwtTokens } from './adapters/crypto/hmac-jwt.tokens';
import { InMemoryUserRepository } from './adapters/in-memory/in-memory-user.repository';

/*
 * awilix bundles of the users module, for the composition roots. Registered in
 * PROXY injection mode (awilix's default): each constructor gets the cradle as its
 * `deps` object. All are singletons; their dependencies (userRepository, eventBus,
 * clock, logger, bcryptCost, jwtSecret, jwtTtlSeconds) come from the container.
 */

/** The in-process service behind the inbound ports: usersService, userAccounts, userDirectory. */
export const usersApplicationRegistrations = (): NameAndRegistrationPair<{
  usersService: UsersService;
  userAccounts: UserAccounts;
  userDirectory: UserDirectory;
}> => ({
  usersService: asClass(UsersService).singleton(),
  userAccounts: aliasTo('usersService'),
  userDirectory: aliasTo('usersService'),
});

/** bcrypt hashing and HS256 tokens: passwordHasher, tokens, tokenIssuer, tokenVerifier. */
export const usersCryptoRegistrations = (): NameAndRegistrationPair<{
  passwordHasher: PasswordHasher;
  tokens: HmacJwtTokens;
  tokenIssuer: TokenIssuer;
  tokenVerifier: TokenVerifier;
}> => ({
  passwordHasher: asClass(BcryptPasswordHasher).singleton(),
  tokens: asClass(HmacJwtTokens).singleton(),
  tokenIssuer: aliasTo('tokens'),
  tokenVerifier: aliasTo('tokens'),
});

/** Users kept in process memory: userRepository. */
export const usersInMemoryStorageRegistrations = (): NameAndRegistrationPair<{ userRepository: UserRepository }> => ({
  userRepository: asClass(InMemoryUserRepository).singleton(),
});
