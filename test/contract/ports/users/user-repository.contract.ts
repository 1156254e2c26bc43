import { DomainError, INT32_MAX, isPositiveInt32 } from '@chatterroom/kernel';
import type { NewUser, UserRepository } from '@chatterroom/users/ports';
import { emailOf, uniqueUsername } from './unique-users';

export interface UserRepositorySubject {
  readonly repository: UserRepository;
  close(): Promise<void>;
}

const newUser = (username = uniqueUsername(), email = emailOf(username)): NewUser => ({
  username,
  email,
  passwordHash: `hash-of-${username}`,
  createdAt: new Date().toISOString(),
});

const expectDomainError = async (promise: Promise<unknown>, code: string): Promise<void> => {
  const error = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(DomainError);
  expect(error).toMatchObject({ code, kind: 'conflict' });
};

/**
 * What every UserRepository must do. The store may hold other tests' users (a shared
 * database), so each test makes its own unique usernames and emails.
 */
export const describeUserRepositoryContract = (
  name: string,
  makeSubject: () => Promise<UserRepositorySubject>,
): void => {
  describe(`UserRepository contract: ${name}`, () => {
    let subject: UserRepositorySubject;
    let repository: UserRepository;

    beforeEach(async () => {
      subject = await makeSubject();
      repository = subject.repository;
    });

    afterEach(async () => {
      await subject.close();
    });

    it('stores a user under a positive int32 id and returns it as given', async () => {
      const user = newUser(uniqueUsername('MiXeD'), `${uniqueUsername()}@example.com`);
      const stored = await repository.insert(user);
      expect(isPositiveInt32(stored.userId)).toBe(true);
      expect(stored).toEqual({ ...user, userId: stored.userId });
      expect(await repository.findById(stored.userId)).toEqual(stored);
    });

    it('allocates a distinct id to each user, also when inserted concurrently', async () => {
      const first = await repository.insert(newUser());
      const second = await repository.insert(newUser());
      const concurrent = await Promise.all(Array.from({ length: 10 }, () => repository.insert(newUser())));
      const ids = [first, second, ...concurrent].map((user) => user.userId);
      expect(ids.every(isPositiveInt32)).toBe(true);
      expect(new Set(ids).size).toBe(ids.length);
    });

    it('refuses a username taken in another case with USERS_USERNAME_TAKEN', async () => {
      const username = uniqueUsername('Taken');
      await repository.insert(newUser(username));
      await expectDomainError(repository.insert(newUser(username.toUpperCase(), emailOf(uniqueUsername()))), 'USERS_USERNAME_TAKEN');
      await expectDomainError(repository.insert(newUser(username.toLowerCase(), emailOf(uniqueUsername()))), 'USERS_USERNAME_TAKEN');
    });

    it('refuses an email taken in another case with USERS_EMAIL_TAKEN', async () => {
      const email = `${uniqueUsername()}@example.com`;
      await repository.insert(newUser(uniqueUsername(), email));
      await expectDomainError(repository.insert(newUser(uniqueUsername(), email.toUpperCase())), 'USERS_EMAIL_TAKEN');
    });

    it('stores nothing when an insert is refused', async () => {
      const taken = await repository.insert(newUser());
      const freeEmail = emailOf(uniqueUsername());
      await expectDomainError(repository.insert(newUser(taken.username, freeEmail)), 'USERS_USERNAME_TAKEN');
      const freeUsername = uniqueUsername();
      await expectDomainError(repository.insert(newUser(freeUsername, taken.email)), 'USERS_EMAIL_TAKEN');
      expect(await repository.findByUsername(freeUsername)).toBeNull();
      const later = await repository.insert(newUser(freeUsername, freeEmail));
      expect(later).toMatchObject({ username: freeUsername, email: freeEmail });
    });

    it('lets exactly one of many concurrent inserts of the same username win', async () => {
      const username = uniqueUsername('race');
      const attempts = Array.from({ length: 8 }, (_, i) =>
        repository.insert(newUser(i % 2 === 0 ? username : username.toUpperCase(), emailOf(uniqueUsername()))),
      );
      const results = await Promise.allSettled(attempts);
      const winners = results.filter((result) => result.status === 'fulfilled');
      const losers = results.filter((result): result is PromiseRejectedResult => result.status === 'rejected');
      expect(winners).toHaveLength(1);
      for (const loser of losers) expect(loser.reason).toMatchObject({ code: 'USERS_USERNAME_TAKEN' });
    });

    it('lets exactly one of many concurrent inserts of the same email win', async () => {
      const email = emailOf(uniqueUsername('race'));
      const results = await Promise.allSettled(Array.from({ length: 8 }, () => repository.insert(newUser(uniqueUsername(), email))));
      const losers = results.filter((result): result is PromiseRejectedResult => result.status === 'rejected');
      expect(results.filter((result) => result.status === 'fulfilled')).toHaveLength(1);
      for (const loser of losers) expect(loser.reason).toMatchObject({ code: 'USERS_EMAIL_TAKEN' });
    });

    it('finds a user by id, and answers null for an id nobody has', async () => {
      const stored = await repository.insert(newUser());
      expect(await repository.findById(stored.userId)).toEqual(stored);
      expect(await repository.findById(INT32_MAX)).toBeNull();
    });

    it('finds a user by username ignoring case, and answers null for an unknown one', async () => {
      const stored = await repository.insert(newUser(uniqueUsername('CamelCase')));
      expect(await repository.findByUsername(stored.username)).toEqual(stored);
      expect(await repository.findByUsername(stored.username.toUpperCase())).toEqual(stored);
      expect(await repository.findByUsername(stored.username.toLowerCase())).toEqual(stored);
      expect(await repository.findByUsername(uniqueUsername('nobody'))).toBeNull();
    });

    it('finds many users by id in one call, ascending by userId, whatever the order asked', async () => {
      const stored = await Promise.all([repository.insert(newUser()), repository.insert(newUser()), repository.insert(newUser())]);
      const ascending = [...stored].sort((a, b) => a.userId - b.userId);
      const asked = [ascending[2]!, ascending[0]!, ascending[1]!].map((user) => user.userId);
      expect(await repository.findManyByIds(asked)).toEqual(ascending);
    });

    it('answers each user once when its id is asked several times', async () => {
      const first = await repository.insert(newUser());
      const second = await repository.insert(newUser());
      const found = await repository.findManyByIds([second.userId, first.userId, second.userId, first.userId, second.userId]);
      expect(found).toEqual([first, second]);
    });

    it('leaves out ids nobody has instead of failing', async () => {
      const stored = await repository.insert(newUser());
      expect(await repository.findManyByIds([INT32_MAX, stored.userId, INT32_MAX - 1])).toEqual([stored]);
      expect(await repository.findManyByIds([INT32_MAX])).toEqual([]);
    });

    it('answers an empty list of ids with an empty list', async () => {
      await repository.insert(newUser());
      expect(await repository.findManyByIds([])).toEqual([]);
    });

    it('finds users by lower-cased username prefix, ascending by lower-cased username, at most limit', async () => {
      const stem = uniqueUsername('Pre');
      const stored = await Promise.all(['Bb', 'aa', 'CC', 'ab'].map((tail) => repository.insert(newUser(`${stem}${tail}`))));
      const ordered = [...stored].sort((a, b) => (a.username.toLowerCase() < b.username.toLowerCase() ? -1 : 1));
      expect(await repository.findByUsernamePrefix(stem.toUpperCase(), 10)).toEqual(ordered);
      expect(await repository.findByUsernamePrefix(`${stem}A`, 10)).toEqual(ordered.slice(0, 2));
      expect(await repository.findByUsernamePrefix(stem, 3)).toEqual(ordered.slice(0, 3));
      expect(await repository.findByUsernamePrefix(`${stem}z`, 10)).toEqual([]);
      expect(await repository.findByUsernamePrefix(`${stem}.`, 10)).toEqual([]);
    });

    it('treats usernames and emails as data, not patterns', async () => {
      const stored = await repository.insert(newUser(`a.b_${uniqueUsername()}`));
      expect(await repository.findByUsername(stored.username.replace('.', 'x'))).toBeNull();
      expect(await repository.findByUsername('.*')).toBeNull();
    });
  });
};
