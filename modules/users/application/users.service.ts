import type { Clock, EventBus, Logger } from '@chatterroom/kernel';
import { createEvent, requirePositiveInt32 } from '@chatterroom/kernel';
import type {
  AccessToken,
  GetUserInput,
  GetUsersInput,
  SearchUsersInput,
  UserAccounts,
  UserDirectory,
  UserRecord,
  UserRegisteredV1,
  UserSummary,
} from '../contracts';
import { USER_REGISTERED_V1, UsersErrors } from '../contracts';
import {
  inputFields,
  isAcceptablePasswordLength,
  isWellFormedUsername,
  parseCredentials,
  parseRegistration,
  parseUserIds,
  parseUserSearch,
} from '../domain';
import type { PasswordHasher, StoredUser, UserRepository } from '../ports';
import type { SessionsService } from './sessions.service';

export interface UsersServiceDeps {
  readonly userRepository: UserRepository;
  readonly passwordHasher: PasswordHasher;
  readonly sessionsService: Pick<SessionsService, 'openSession'>;
  readonly eventBus: EventBus;
  readonly clock: Clock;
  readonly logger: Logger;
}

/** A password nobody has: its hash is verified for unknown users so they cost as much as known ones. */
const DUMMY_PASSWORD = 'chatterroom-dummy-password-for-unknown-users';

const toUserRecord = (user: StoredUser): UserRecord => ({
  userId: user.userId,
  username: user.username,
  email: user.email,
});

const toUserSummary = (user: StoredUser): UserSummary => ({ userId: user.userId, username: user.username });

/** The users module in process: registration, sign-in and look-ups. */
export class UsersService implements UserAccounts, UserDirectory {
  private readonly userRepository: UserRepository;
  private readonly passwordHasher: PasswordHasher;
  private readonly sessions: Pick<SessionsService, 'openSession'>;
  private readonly eventBus: EventBus;
  private readonly clock: Clock;
  private readonly logger: Logger;
  private dummyHash: Promise<string> | undefined;

  constructor(deps: UsersServiceDeps) {
    this.userRepository = deps.userRepository;
    this.passwordHasher = deps.passwordHasher;
    this.sessions = deps.sessionsService;
    this.eventBus = deps.eventBus;
    this.clock = deps.clock;
    this.logger = deps.logger;
  }

  async register(input: unknown): Promise<UserRecord> {
    const { username, email, password } = parseRegistration(input);
    const passwordHash = await this.passwordHasher.hash(password);
    const createdAt = this.clock.now().toISOString();
    const user = await this.userRepository.insert({ username, email, passwordHash, createdAt });
    await this.publishRegistered(user);
    return toUserRecord(user);
  }

  async authenticate(input: unknown): Promise<AccessToken> {
    const { username, password } = parseCredentials(input);
    const user = isWellFormedUsername(username) ? await this.userRepository.findByUsername(username) : null;
    const hash = user?.passwordHash ?? (await this.hashOfDummyPassword());
    const matches = await this.passwordHasher.verify(password, hash);
    if (user === null || !matches || !isAcceptablePasswordLength(password)) throw UsersErrors.invalidCredentials();
    const { userAgent, ip } = inputFields(input);
    return this.sessions.openSession({
      userId: user.userId,
      ...(typeof userAgent === 'string' ? { userAgent } : {}),
      ...(typeof ip === 'string' ? { ip } : {}),
    });
  }

  async getUser(input: GetUserInput): Promise<UserRecord> {
    const userId = requirePositiveInt32(inputFields(input).userId, 'userId');
    const user = await this.userRepository.findById(userId);
    if (user === null) throw UsersErrors.userNotFound(userId);
    return toUserRecord(user);
  }

  async getUsers(input: GetUsersInput): Promise<UserSummary[]> {
    const userIds = parseUserIds(input);
    if (userIds.length === 0) return [];
    return (await this.userRepository.findManyByIds(userIds)).map(toUserSummary);
  }

  async searchUsers(input: SearchUsersInput): Promise<UserSummary[]> {
    const { query, limit } = parseUserSearch(input);
    return (await this.userRepository.findByUsernamePrefix(query, limit)).map(toUserSummary);
  }

  /** The user is stored already: a failed publish is logged, not reported to the caller. */
  private async publishRegistered(user: StoredUser): Promise<void> {
    const payload: UserRegisteredV1 = { userId: user.userId, username: user.username };
    const event = createEvent(USER_REGISTERED_V1, payload, this.clock.now());
    try {
      await this.eventBus.publish(event);
    } catch (error) {
      this.logger.error({ err: error, eventId: event.id, eventType: event.type, userId: user.userId }, 'could not publish user registration');
    }
  }

  /** Hashed once, lazily, with the configured hasher so it costs what a real hash costs. */
  private hashOfDummyPassword(): Promise<string> {
    this.dummyHash ??= this.passwordHasher.hash(DUMMY_PASSWORD).catch((error: unknown) => {
      this.dummyHash = undefined;
      throw error;
    });
    return this.dummyHash;
  }
}
