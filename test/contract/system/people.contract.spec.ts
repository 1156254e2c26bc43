import { graphqlFor } from '@chatterroom/test/harness/graphql';
import { anonymous, expectError, newUser, uniqueSuffix, type TestUser } from '@chatterroom/test/harness/system';

/** A user whose username is `stem` + `tail`, signed up directly (newUser picks its own names). */
const userNamed = async (username: string): Promise<{ userId: number; username: string }> => {
  const created = await anonymous().post('/users/create', { username, email: `${username.toLowerCase()}@example.test`, password: 'pw-people-secret' });
  if (created.status !== 201) throw new Error(`could not create ${username}: ${created.status} ${JSON.stringify(created.body)}`);
  return { userId: created.body.userId as number, username };
};

describe('GET /users/me', () => {
  it('answers the caller with their email', async () => {
    const alice = await newUser();
    const response = await alice.http.get('/users/me');
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ userId: alice.userId, username: alice.username, email: alice.email });
  });

  it('refuses a caller without a token with 401 AUTH_MISSING_TOKEN, and a query parameter with 400', async () => {
    expectError(await anonymous().get('/users/me'), 401, 'AUTH_MISSING_TOKEN');
    expectError(await (await newUser()).http.get('/users/me?x=1'), 400, 'VALIDATION_FAILED');
  });
});

describe('GET /users?q=', () => {
  let searcher: TestUser;
  let stem: string;
  let people: { userId: number; username: string }[];

  beforeAll(async () => {
    searcher = await newUser();
    stem = `Ppl${uniqueSuffix()}`;
    people = [];
    for (const tail of ['Carol', 'bob', 'Alice']) people.push(await userNamed(`${stem}${tail}`));
  });

  const byName = () => [...people].sort((a, b) => (a.username.toLowerCase() < b.username.toLowerCase() ? -1 : 1));

  it('finds people by username prefix ignoring case, ascending, as {userId, username} only', async () => {
    const response = await searcher.http.get(`/users?q=${stem.toUpperCase()}`);
    expect(response.status).toBe(200);
    expect(response.body).toEqual(byName());
    const narrowed = await searcher.http.get(`/users?q=${stem.toLowerCase()}b`);
    expect(narrowed.body).toEqual([people[1]]);
  });

  it('answers at most limit people, and nobody for a prefix nobody has', async () => {
    expect((await searcher.http.get(`/users?q=${stem}&limit=2`)).body).toEqual(byName().slice(0, 2));
    expect((await searcher.http.get(`/users?q=${stem}zzz`)).body).toEqual([]);
  });

  it.each([
    ['no q', ''],
    ['an empty q', '?q='],
    ['a q with a space', '?q=a%20b'],
    ['a q of 33 characters', `?q=${'a'.repeat(33)}`],
    ['limit 0', '?q=abc&limit=0'],
    ['limit 51', '?q=abc&limit=51'],
    ['an unknown parameter', '?q=abc&email=x'],
  ])('refuses %s with 400 VALIDATION_FAILED', async (_label, query) => {
    expectError(await searcher.http.get(`/users${query}`), 400, 'VALIDATION_FAILED');
  });

  it('needs a token', async () => {
    expectError(await anonymous().get(`/users?q=${stem}`), 401, 'AUTH_MISSING_TOKEN');
  });

  it('is a GraphQL query too', async () => {
    const { searchUsers } = await graphqlFor(searcher).data(`{ searchUsers(q: "${stem}", limit: 3) { userId username email } }`);
    expect(searchUsers).toEqual(byName().map((person) => ({ ...person, email: null })));
  });
});
