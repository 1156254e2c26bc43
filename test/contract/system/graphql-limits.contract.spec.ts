import { anonymous, gateway, newRegistration, newUser, type Json } from '@chatterroom/test/harness/system';
import { errorCodes, graphqlOf } from '@chatterroom/test/harness/graphql';

/** GraphQL documents refused before they run: caps per operation, nesting before parsing, subscriptions over HTTP. */
describe('GraphQL limits', () => {
  const graphql = (token?: string) => graphqlOf(gateway(0).httpUrl, token);

  it('answers a 5,000-deep selection with 400 GRAPHQL_QUERY_TOO_DEEP, never 500', async () => {
    const deep = `{ me ${'{ me '.repeat(5_000)}${'}'.repeat(5_001)}`;
    const response = await graphql().request(deep);
    expect(response.status).toBe(400);
    expect(errorCodes(response)).toEqual(['GRAPHQL_QUERY_TOO_DEEP']);
    expect(response.body.data).toBeUndefined();
    const overGet = await fetch(`${gateway(1).httpUrl}/graphql?query=${encodeURIComponent(`{ me ${'{ me '.repeat(1_000)}${'}'.repeat(1_001)}`)}`);
    expect(overGet.status).toBe(400);
    expect(((await overGet.json()) as Json).errors[0].extensions.code).toBe('GRAPHQL_QUERY_TOO_DEEP');
  });

  it('answers a subscription sent over HTTP with 400 GRAPHQL_SUBSCRIPTION_OVER_HTTP, with or without a token', async () => {
    const user = await newUser();
    for (const token of [undefined, user.token]) {
      const response = await graphql(token).request('subscription { messageAdded { messageId } }');
      expect(response.status).toBe(400);
      expect(errorCodes(response)).toEqual(['GRAPHQL_SUBSCRIPTION_OVER_HTTP']);
    }
    const named = await graphql(user.token).request('query Q { me { userId } } subscription S { messageAdded { messageId } }', undefined, 'S');
    expect(errorCodes(named)).toEqual(['GRAPHQL_SUBSCRIPTION_OVER_HTTP']);
  });

  it('refuses 50 aliased createUser calls in one request, creating no account', async () => {
    const registrations = Array.from({ length: 50 }, () => newRegistration('alias'));
    const mutation = `mutation { ${registrations
      .map((r, i) => `u${i}: createUser(username: "${r.username}", email: "${r.email}", password: "${r.password}") { userId }`)
      .join(' ')} }`;
    const response = await graphql().request(mutation);
    expect(response.status).toBe(400);
    expect(response.body.data).toBeUndefined();
    expect(errorCodes(response)).toEqual(
      expect.arrayContaining(['GRAPHQL_TOO_MANY_ROOT_FIELDS', 'GRAPHQL_TOO_MANY_EXPENSIVE_MUTATIONS', 'GRAPHQL_TOO_MANY_ALIASES']),
    );
    const first = registrations[0]!;
    expect((await anonymous(1).post('/users/authenticate', { username: first.username, password: first.password })).status).toBe(401);
  });

  it('refuses two expensive mutations in one request, but runs one', async () => {
    const [a, b] = [newRegistration('pair'), newRegistration('pair')];
    const two = await graphql().request(
      `mutation { a: createUser(username: "${a.username}", email: "${a.email}", password: "${a.password}") { userId } ` +
        `b: authenticate(username: "${b.username}", password: "${b.password}") { token } }`,
    );
    expect(two.status).toBe(400);
    expect(errorCodes(two)).toEqual(['GRAPHQL_TOO_MANY_EXPENSIVE_MUTATIONS']);
    const one = await graphql().request(`mutation { createUser(username: "${a.username}", email: "${a.email}", password: "${a.password}") { userId } }`);
    expect(one.status).toBe(200);
    expect((one.body.data as Json).createUser.userId).toEqual(expect.any(Number));
  });

  it('refuses more root fields or aliases than the caps, and answers a query within them', async () => {
    const user = await newUser();
    const manyRoots = await graphql(user.token).request(`{ ${Array.from({ length: 21 }, (_, i) => `m${i}: me { userId }`).join(' ')} }`);
    expect(manyRoots.status).toBe(400);
    expect(errorCodes(manyRoots)).toEqual(['GRAPHQL_TOO_MANY_ROOT_FIELDS']);
    const manyAliases = await graphql(user.token).request(`{ me { ${Array.from({ length: 31 }, (_, i) => `a${i}: userId`).join(' ')} } }`);
    expect(errorCodes(manyAliases)).toEqual(['GRAPHQL_TOO_MANY_ALIASES']);
    const fine = await graphql(user.token).request('{ a: me { userId } b: me { username } }');
    expect(fine.status).toBe(200);
    expect(fine.body.data).toEqual({ a: { userId: user.userId }, b: { username: user.username } });
  });
});
