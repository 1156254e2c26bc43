import type { EventBus, IntegrationEvent, Logger } from '@chatterroom/kernel';
import { silentLogger } from '@chatterroom/kernel';
import { InMemoryEventBus } from '@chatterroom/kernel/adapters';
import { describeUsersApiContract } from '@chatterroom/test/contract/ports/users/users-api.contract';
import { emailOf, uniqueUsername } from '@chatterroom/test/contract/ports/users/unique-users';
import { USER_REGISTERED_V1 } from '../contracts';
import { BcryptPasswordHasher } from '../adapters/crypto/bcrypt-password.hasher';
import { makeInProcessUsers } from '@chatterroom/test/contract/ports/users/in-process-users';
import { InMemoryUserRepository } from '../adapters/in-memory/in-memory-user.repository';
import type { PasswordHasher, UserRepository } from '../ports';

/** Records what is published; `failWith` makes publishing reject. */
class RecordingEventBus implements EventBus {
  readonly published: IntegrationEvent[] = [];
  failWith: Error | undefined;
  onPublish: ((event: IntegrationEvent) => Promise<void>) | undefined;

  async publish(event: IntegrationEvent): Promise<void> {
    await this.onPublish?.(event);
    if (this.failWith) throw this.failWith;
    this.published.push(event);
  }

  async subscribe(): Promise<void> {}
  async close(): Promise<void> {}
}

const recordingLogger = () => {
  const errors: Array<{ obj: object; msg?: string }> = [];
  const logger: Logger = { info() {}, warn() {}, debug() {}, error: (obj, msg) => errors.push({ obj, msg }) };
  return { logger, errors };
};

const makeService = <TBus extends EventBus = RecordingEventBus>(
  overrides: { passwordHasher?: PasswordHasher; userRepository?: UserRepository; eventBus?: TBus } = {},
) => {
  const eventBus = overrides.eventBus ?? new RecordingEventBus();
  const { logger, errors } = recordingLogger();
  const userRepository = overrides.userRepository ?? new InMemoryUserRepository();
  const users = makeInProcessUsers({
    eventBus,
    logger,
    userRepository,
    passwordHasher: overrides.passwordHasher ?? new BcryptPasswordHasher({ bcryptCost: 4 }),
  });
  return { service: users.usersService, users, tokens: users.tokenVerifier, eventBus: eventBus as TBus, errors, userRepository };
};

describeUsersApiContract('UsersService in process', async () => {
  const { service, users, tokens, eventBus } = makeService({ eventBus: new InMemoryEventBus({ logger: silentLogger }) });
  return {
    accounts: service,
    directory: service,
    verifier: tokens,
    sessions: users.sessionsService,
    jwks: users.keyRing,
    close: () => eventBus.close(),
  };
});

describe('UsersService', () => {
  const input = () => {
    const username = uniqueUsername('Ev');
    return { username, email: emailOf(username), password: 'long enough' };
  };

  it('publishes one users.user-registered.v1 event with the userId and username, after storing the user', async () => {
    const { service, eventBus, userRepository } = makeService();
    let storedWhenPublished: unknown;
    eventBus.onPublish = async (event) => {
      storedWhenPublished = await userRepository.findById((event.payload as { userId: number }).userId);
    };
    const user = await service.register(input());
    expect(eventBus.published).toHaveLength(1);
    expect(eventBus.published[0]).toMatchObject({ type: USER_REGISTERED_V1, payload: { userId: user.userId, username: user.username } });
    expect(eventBus.published[0]?.payload).toEqual({ userId: user.userId, username: user.username });
    expect(storedWhenPublished).toMatchObject({ userId: user.userId });
  });

  it('delivers the event to subscribers of the in-memory event bus', async () => {
    const { service, eventBus } = makeService({ eventBus: new InMemoryEventBus({ logger: silentLogger }) });
    let deliver: (event: IntegrationEvent) => void = () => {};
    const delivered = new Promise<IntegrationEvent>((resolve) => (deliver = resolve));
    await eventBus.subscribe({ types: ['users.*'], delivery: { mode: 'broadcast' } }, async (event) => deliver(event));
    const user = await service.register(input());
    await expect(delivered).resolves.toMatchObject({ type: USER_REGISTERED_V1, payload: { userId: user.userId, username: user.username } });
    await eventBus.close();
  });

  it('publishes nothing when registration fails', async () => {
    const { service, eventBus } = makeService();
    const first = input();
    await service.register(first);
    await expect(service.register({ ...input(), username: first.username })).rejects.toMatchObject({ code: 'USERS_USERNAME_TAKEN' });
    await expect(service.register({ ...input(), password: 'short' })).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    expect(eventBus.published).toHaveLength(1);
  });

  it('still registers the user, and logs, when the event cannot be published', async () => {
    const { service, eventBus, errors } = makeService();
    eventBus.failWith = new Error('broker down');
    const user = await service.register(input());
    await expect(service.getUser({ userId: user.userId })).resolves.toEqual(user);
    expect(errors).toHaveLength(1);
    expect(errors[0]?.obj).toMatchObject({ err: eventBus.failWith, eventType: USER_REGISTERED_V1, userId: user.userId });
  });

  it('stores only a hash of the password', async () => {
    const { service, userRepository } = makeService();
    const registration = input();
    const user = await service.register(registration);
    const stored = await userRepository.findById(user.userId);
    expect(stored?.passwordHash).toMatch(/^\$2[aby]\$04\$/);
    expect(stored?.passwordHash).not.toContain(registration.password);
  });

  it('verifies a password hash for an unknown user too', async () => {
    const hasher = new BcryptPasswordHasher({ bcryptCost: 4 });
    const verifiedHashes: string[] = [];
    const passwordHasher: PasswordHasher = {
      hash: (password) => hasher.hash(password),
      verify: async (password, hash) => {
        verifiedHashes.push(hash);
        return hasher.verify(password, hash);
      },
    };
    const { service } = makeService({ passwordHasher });
    for (const username of [uniqueUsername('nobody'), 'not a valid name', uniqueUsername('nobody')]) {
      await expect(service.authenticate({ username, password: 'whatever1' })).rejects.toMatchObject({ code: 'AUTH_INVALID_CREDENTIALS' });
    }
    expect(verifiedHashes).toHaveLength(3);
    expect(verifiedHashes[0]).toMatch(/^\$2[aby]\$04\$/);
    expect(new Set(verifiedHashes).size).toBe(1);
  });

  it('refuses a request that is not an object', async () => {
    const { service } = makeService();
    for (const call of [() => service.register(null as never), () => service.authenticate(undefined as never), () => service.getUser('1' as never)]) {
      await expect(call()).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    }
  });
});
