import { randomBytes } from 'node:crypto';
import { DomainError, INT32_MAX } from '@chatterroom/kernel';
import { GET_USERS_MAX_IDS } from '@chatterroom/users/contracts';
import type {
  JwksProvider,
  RegisterUserInput,
  TokenVerifier,
  UserAccounts,
  UserDirectory,
  UserRecord,
  UserSessions,
} from '@chatterroom/users/contracts';
import { describeUserSessionsCases } from './user-sessions.cases';
import { emailOf, randomUsernameOf, uniqueUsername } from './unique-users';

export interface UsersApiSubject {
  readonly accounts: UserAccounts;
  readonly directory: UserDirectory;
  readonly verifier: TokenVerifier;
  readonly sessions: UserSessions;
  readonly jwks: JwksProvider;
  close(): Promise<void>;
}

const PASSWORD = 'correct horse battery';

/** Resolves to what `promise` rejected with; fails the test when it resolves. */
export const rejectionOf = async (promise: Promise<unknown>): Promise<DomainError> => {
  const outcome = await promise.then(
    (value: unknown) => ({ resolved: value }),
    (reason: unknown) => ({ rejected: reason }),
  );
  if (!('rejected' in outcome)) throw new Error(`expected a rejection, got ${JSON.stringify(outcome.resolved)}`);
  expect(outcome.rejected).toBeInstanceOf(DomainError);
  return outcome.rejected as DomainError;
};

const expectInvalid = async (promise: Promise<unknown>, field: string): Promise<void> => {
  const error = await rejectionOf(promise);
  expect({ code: error.code, kind: error.kind }).toEqual({ code: 'VALIDATION_FAILED', kind: 'invalid' });
  expect(error.message).toContain(field);
};

/** Bypasses the static types, as a caller over HTTP or gRPC might. */
const untyped = <T>(value: unknown): T => value as T;

/**
 * The users module as its inbound ports promise it, run against the in-process
 * service and against the remote client. Unique usernames and emails per test.
 */
export const describeUsersApiContract = (name: string, makeSubject: () => Promise<UsersApiSubject>): void => {
  describe(`users API contract: ${name}`, () => {
    let subject: UsersApiSubject;

    beforeEach(async () => {
      subject = await makeSubject();
    });

    afterEach(async () => {
      await subject.close();
    });

    const validInput = (overrides: Partial<Record<keyof RegisterUserInput, unknown>> = {}): RegisterUserInput => {
      const username = uniqueUsername();
      return untyped({ username, email: emailOf(username), password: PASSWORD, ...overrides });
    };
    const register = (overrides: Partial<Record<keyof RegisterUserInput, unknown>> = {}): Promise<UserRecord> =>
      subject.accounts.register(validInput(overrides));

    describe('register', () => {
      it('returns the new user: username as given, email lower-cased', async () => {
        const username = uniqueUsername('Mixed.Case-Name');
        const user = await register({ username, email: `${username.toUpperCase()}@Example.COM` });
        expect(user).toEqual({ userId: user.userId, username, email: `${username.toLowerCase()}@example.com` });
        expect(Number.isInteger(user.userId) && user.userId > 0 && user.userId <= INT32_MAX).toBe(true);
      });

      it('gives each user a distinct id', async () => {
        const [first, second] = await Promise.all([register(), register()]);
        expect(first?.userId).not.toBe(second?.userId);
      });

      it('accepts a username of 32 characters of letters, digits, _ . -', async () => {
        const username = `A.b-_${uniqueUsername()}`.padEnd(32, 'z');
        expect(username).toHaveLength(32);
        await expect(register({ username })).resolves.toMatchObject({ username });
      });

      it('accepts a username of 3 characters', async () => {
        // Three characters leave little room for uniqueness on a shared store: retry when taken.
        for (let attempt = 0; ; attempt += 1) {
          const username = randomUsernameOf(3);
          const outcome = await register({ username }).catch((error: unknown) => error);
          if (attempt < 5 && outcome instanceof DomainError && outcome.code === 'USERS_USERNAME_TAKEN') continue;
          expect(outcome).toMatchObject({ username });
          return;
        }
      });

      it.each([
        ['too short', 'ab'],
        ['too long', 'a'.repeat(33)],
        ['with a space', 'bad name'],
        ['with a letter outside ASCII', 'jos\u00e9_user'],
        ['with an @', 'me@home'],
        ['empty', ''],
      ])('refuses a username %s', async (_case, username) => {
        await expectInvalid(register({ username }), 'username');
      });

      it.each([
        ['without @', 'user.example.com'],
        ['with two @', 'a@b@example.com'],
        ['with an empty local part', '@example.com'],
        ['whose domain has no dot', 'user@localhost'],
        ['whose domain has an empty label', 'user@example..com'],
        ['with a space', 'us er@example.com'],
        ['longer than 254 characters', `${'a'.repeat(64)}@${'b'.repeat(186)}.com`],
        ['empty', ''],
      ])('refuses an email %s', async (_case, email) => {
        await expectInvalid(register({ email }), 'email');
      });

      it('accepts an email of exactly 254 characters', async () => {
        const local = uniqueUsername();
        const email = `${local}@${'b'.repeat(254 - local.length - 5)}.com`;
        expect(email).toHaveLength(254);
        await expect(register({ email })).resolves.toMatchObject({ email });
      });

      it.each([
        ['of 7 bytes', 'seven77'],
        ['of 73 bytes', 'p'.repeat(73)],
        ['of 37 two-byte characters (74 bytes)', '\u00e9'.repeat(37)],
        ['of 25 three-byte characters (75 bytes)', '\u20ac'.repeat(25)],
        ['empty', ''],
      ])('refuses a password %s', async (_case, password) => {
        await expectInvalid(register({ password }), 'password');
      });

      it.each([
        ['of 8 bytes', 'eight888'],
        ['of 72 bytes', 'p'.repeat(72)],
        ['of 4 two-byte characters (8 bytes)', '\u00e9'.repeat(4)],
        ['of 24 three-byte characters (72 bytes)', '\u20ac'.repeat(24)],
        ['of 18 four-byte characters (72 bytes)', '\u{1F600}'.repeat(18)],
      ])('accepts a password %s', async (_case, password) => {
        await expect(register({ password })).resolves.toHaveProperty('userId');
      });

      it.each([
        ['username', 42],
        ['username', null],
        ['username', undefined],
        ['email', ['a@example.com']],
        ['email', 7],
        ['password', 12345678],
        ['password', { length: 10 }],
      ])('refuses a %s that is not a string (%p)', async (field, value) => {
        await expectInvalid(register({ [field]: value }), field);
      });

      it('refuses a username taken in any case with USERS_USERNAME_TAKEN', async () => {
        const first = await register({ username: uniqueUsername('Taken') });
        const error = await rejectionOf(register({ username: first.username.toUpperCase() }));
        expect({ code: error.code, kind: error.kind }).toEqual({ code: 'USERS_USERNAME_TAKEN', kind: 'conflict' });
      });

      it('refuses an email taken in any case with USERS_EMAIL_TAKEN', async () => {
        const first = await register();
        const error = await rejectionOf(register({ email: first.email.toUpperCase() }));
        expect({ code: error.code, kind: error.kind }).toEqual({ code: 'USERS_EMAIL_TAKEN', kind: 'conflict' });
      });
    });

    describe('authenticate', () => {
      it('issues a token the verifier accepts for that user, whatever the username case', async () => {
        const user = await register({ username: uniqueUsername('Sign.In') });
        const { token } = await subject.accounts.authenticate({ username: user.username.toLowerCase(), password: PASSWORD });
        expect(typeof token).toBe('string');
        await expect(subject.verifier.verify(token)).resolves.toMatchObject({ userId: user.userId });
      });

      it('answers a wrong password and an unknown user with the same error', async () => {
        const user = await register();
        const wrongPassword = await rejectionOf(subject.accounts.authenticate({ username: user.username, password: `${PASSWORD}!` }));
        const unknownUser = await rejectionOf(subject.accounts.authenticate({ username: uniqueUsername('nobody'), password: PASSWORD }));
        expect({ code: wrongPassword.code, kind: wrongPassword.kind }).toEqual({ code: 'AUTH_INVALID_CREDENTIALS', kind: 'unauthenticated' });
        expect({ code: unknownUser.code, kind: unknownUser.kind, message: unknownUser.message }).toEqual({
          code: wrongPassword.code,
          kind: wrongPassword.kind,
          message: wrongPassword.message,
        });
      });

      it('checks every byte of a 72-byte multi-byte password', async () => {
        const password = `${'\u20ac'.repeat(2)}${'\u00e9'.repeat(32)}xy`;
        expect(Buffer.byteLength(password)).toBe(72);
        const user = await register({ password });
        const { token } = await subject.accounts.authenticate({ username: user.username, password });
        await expect(subject.verifier.verify(token)).resolves.toMatchObject({ userId: user.userId });
        const almost = `${'\u20ac'.repeat(2)}${'\u00e9'.repeat(32)}xz`;
        const error = await rejectionOf(subject.accounts.authenticate({ username: user.username, password: almost }));
        expect(error.code).toBe('AUTH_INVALID_CREDENTIALS');
      });

      it('refuses a password longer than 72 bytes even when its first 72 bytes match', async () => {
        const password = 'p'.repeat(72);
        const user = await register({ password });
        const error = await rejectionOf(subject.accounts.authenticate({ username: user.username, password: `${password}extra` }));
        expect(error.code).toBe('AUTH_INVALID_CREDENTIALS');
      });

      it('answers a malformed username as an unknown one', async () => {
        const error = await rejectionOf(subject.accounts.authenticate({ username: 'no such user!', password: PASSWORD }));
        expect({ code: error.code, kind: error.kind }).toEqual({ code: 'AUTH_INVALID_CREDENTIALS', kind: 'unauthenticated' });
      });

      it.each([
        ['username', 42],
        ['username', undefined],
        ['password', null],
        ['password', 12345678],
      ])('refuses a %s that is not a string (%p)', async (field, value) => {
        const input = untyped<{ username: string; password: string }>({ username: uniqueUsername(), password: PASSWORD, [field]: value });
        await expectInvalid(subject.accounts.authenticate(input), field);
      });
    });

    describeUserSessionsCases(() => subject, async () => {
      const user = await register();
      return { user, password: PASSWORD };
    });

    describe('verify', () => {
      it.each([['garbage'], [''], ['a.b.c']])('refuses %p with AUTH_INVALID_TOKEN', async (token) => {
        const error = await rejectionOf(subject.verifier.verify(token));
        expect({ code: error.code, kind: error.kind }).toEqual({ code: 'AUTH_INVALID_TOKEN', kind: 'unauthenticated' });
      });
    });

    describe('getUser', () => {
      it('returns the registered user, email included', async () => {
        const user = await register({ username: uniqueUsername('Found') });
        await expect(subject.directory.getUser({ userId: user.userId })).resolves.toEqual(user);
      });

      it('answers an id nobody has with USERS_USER_NOT_FOUND', async () => {
        const error = await rejectionOf(subject.directory.getUser({ userId: INT32_MAX }));
        expect({ code: error.code, kind: error.kind }).toEqual({ code: 'USERS_USER_NOT_FOUND', kind: 'not-found' });
      });

      it.each([[0], [-1], [1.5], [INT32_MAX + 1], [Number.NaN], ['1'], [null]])(
        'refuses userId %p with VALIDATION_FAILED',
        async (userId) => {
          await expectInvalid(subject.directory.getUser(untyped({ userId })), 'userId');
        },
      );
    });

    describe('getUsers', () => {
      const summaryOf = (user: UserRecord) => ({ userId: user.userId, username: user.username });
      const registerMany = async (count: number): Promise<UserRecord[]> => {
        const users = await Promise.all(Array.from({ length: count }, () => register({ username: uniqueUsername('Many') })));
        return users.sort((a, b) => a.userId - b.userId);
      };

      it('returns the public summaries of the users asked, without their email', async () => {
        const [user] = await registerMany(1);
        const summaries = await subject.directory.getUsers({ userIds: [user!.userId] });
        expect(summaries).toEqual([summaryOf(user!)]);
        expect(Object.keys(summaries[0]!).sort()).toEqual(['userId', 'username']);
      });

      it('answers ascending by userId, each user once, whatever the order and repetitions asked', async () => {
        const users = await registerMany(3);
        const [low, mid, high] = users.map((user) => user.userId) as [number, number, number];
        await expect(subject.directory.getUsers({ userIds: [high, low, high, mid, low] })).resolves.toEqual(users.map(summaryOf));
      });

      it('leaves out ids nobody has instead of failing the batch', async () => {
        const [user] = await registerMany(1);
        await expect(subject.directory.getUsers({ userIds: [INT32_MAX, user!.userId] })).resolves.toEqual([summaryOf(user!)]);
        await expect(subject.directory.getUsers({ userIds: [INT32_MAX] })).resolves.toEqual([]);
      });

      it('answers an empty list with an empty list', async () => {
        await expect(subject.directory.getUsers({ userIds: [] })).resolves.toEqual([]);
      });

      it('accepts exactly GET_USERS_MAX_IDS ids', async () => {
        const [user] = await registerMany(1);
        const userIds = [user!.userId, ...Array.from({ length: GET_USERS_MAX_IDS - 1 }, (_, i) => INT32_MAX - i)];
        await expect(subject.directory.getUsers({ userIds })).resolves.toEqual([summaryOf(user!)]);
      });

      it('refuses more than GET_USERS_MAX_IDS ids with VALIDATION_FAILED', async () => {
        const [user] = await registerMany(1);
        const userIds = Array.from({ length: GET_USERS_MAX_IDS + 1 }, () => user!.userId);
        await expectInvalid(subject.directory.getUsers({ userIds }), 'userIds');
      });

      it.each([[null], [undefined], [7], ['1,2'], [{ 0: 1 }]])('refuses userIds %p that is not an array with VALIDATION_FAILED', async (userIds) => {
        await expectInvalid(subject.directory.getUsers(untyped({ userIds })), 'userIds');
      });

      it.each([[0], [-1], [1.5], [INT32_MAX + 1], [Number.NaN], ['1'], [null]])(
        'refuses an id %p with VALIDATION_FAILED, also among valid ones',
        async (userId) => {
          const [user] = await registerMany(1);
          await expectInvalid(subject.directory.getUsers(untyped({ userIds: [user!.userId, userId] })), 'userIds');
        },
      );

      it('refuses a request that is not an object with VALIDATION_FAILED', async () => {
        await expectInvalid(subject.directory.getUsers(untyped(null)), 'input');
      });
    });

    describe('searchUsers', () => {
      const summaryOf = (user: UserRecord) => ({ userId: user.userId, username: user.username });
      const family = () => `Fam${randomBytes(4).toString('hex')}`;

      it('finds users by username prefix ignoring case, ascending by lower-cased username, without emails', async () => {
        const stem = family();
        const users = await Promise.all(['b.Two', 'A_one', 'c-three'].map((tail) => register({ username: `${stem}${tail}` })));
        const expected = [...users].sort((a, b) => a.username.toLowerCase().localeCompare(b.username.toLowerCase())).map(summaryOf);
        await expect(subject.directory.searchUsers({ query: stem.toUpperCase() })).resolves.toEqual(expected);
        await expect(subject.directory.searchUsers({ query: `${stem.toLowerCase()}a_` })).resolves.toEqual([summaryOf(users[1]!)]);
        const [first] = await subject.directory.searchUsers({ query: stem });
        expect(Object.keys(first!).sort()).toEqual(['userId', 'username']);
      });

      it('answers at most limit users, the first ones in order', async () => {
        const stem = family();
        await Promise.all(['a1', 'a2', 'a3'].map((tail) => register({ username: `${stem}${tail}` })));
        const found = await subject.directory.searchUsers({ query: stem, limit: 2 });
        expect(found.map((user) => user.username)).toEqual([`${stem}a1`, `${stem}a2`]);
      });

      it('answers an empty list when nobody matches, and treats the query as data, not a pattern', async () => {
        const stem = family();
        await register({ username: `${stem}xyz` });
        await expect(subject.directory.searchUsers({ query: `${stem}q` })).resolves.toEqual([]);
        await expect(subject.directory.searchUsers({ query: `${stem.slice(0, -1)}.` })).resolves.toEqual([]);
      });

      it.each([[''], ['a b'], ['%'], ['x'.repeat(33)], [7], [null]])('refuses the query %p with VALIDATION_FAILED', async (query) => {
        await expectInvalid(subject.directory.searchUsers(untyped({ query })), 'q ');
      });

      it.each([[0], [51], [1.5], ['5']])('refuses the limit %p with VALIDATION_FAILED', async (limit) => {
        await expectInvalid(subject.directory.searchUsers(untyped({ query: 'abc', limit })), 'limit');
      });
    });
  });
};
