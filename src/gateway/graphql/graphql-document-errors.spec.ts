import { codesOf, graphqlInject } from '@chatterroom/test/kits/gateway/graphql-inject';
import { signUp, startGatewayTestKit, type GatewayTestKit } from '@chatterroom/test/kits/gateway/gateway-test-kit';

describe('GraphQL documents refused before running', () => {
  let kit: GatewayTestKit;
  let gql: ReturnType<typeof graphqlInject>;
  let token: string;

  beforeEach(async () => {
    kit = await startGatewayTestKit();
    gql = graphqlInject(kit.app);
    token = (await signUp(kit.users)).token;
  });

  afterEach(() => kit.app.close());

  it('answers 400 without data, each error with its code', async () => {
    const cases: Array<[string, string]> = [
      ['{ me { userId ', 'GRAPHQL_PARSE_FAILED'],
      ['{ nope }', 'GRAPHQL_VALIDATION_FAILED'],
      ['{ user(id: "seven") { username } }', 'GRAPHQL_VALIDATION_FAILED'],
      ['{ rooms }', 'GRAPHQL_VALIDATION_FAILED'],
    ];
    for (const [query, code] of cases) {
      const answer = await gql(query, { token });
      expect({ query, status: answer.status, data: answer.body.data, codes: codesOf(answer) }).toEqual({ query, status: 400, data: undefined, codes: [code] });
    }
  });

  it('refuses variables of the wrong type as GRAPHQL_VALIDATION_FAILED', async () => {
    const answer = await gql('query($id: Int!) { user(id: $id) { username } }', { token, variables: { id: 'x' } });
    expect(answer.status).toBe(400);
    expect(codesOf(answer)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
  });

  it('refuses, with 400 GRAPHQL_VALIDATION_FAILED, a request whose operation cannot be picked (GET or POST)', async () => {
    const cases = [
      { query: '{ __typename }', operationName: 'Q', message: 'Unknown operation named "Q".' },
      { query: 'query A { __typename } query B { __typename }', message: 'Must provide operation name if query contains multiple operations.' },
    ];
    for (const { query, operationName, message } of cases) {
      const params = new URLSearchParams({ query, ...(operationName === undefined ? {} : { operationName }) });
      const get = await kit.app.inject({ method: 'GET', url: `/graphql?${params.toString()}` });
      const post = await kit.app.inject({ method: 'POST', url: '/graphql', payload: { query, ...(operationName === undefined ? {} : { operationName }) } });
      for (const answer of [get, post]) {
        expect({ query, status: answer.statusCode, body: answer.json() }).toEqual({
          query,
          status: 400,
          body: { errors: [{ message, extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } }] },
        });
      }
    }
  });

  it('runs queries over GET but refuses mutations there', async () => {
    const query = await kit.app.inject({ method: 'GET', url: '/graphql?query=%7B__typename%7D' });
    expect(query.json()).toEqual({ data: { __typename: 'Query' } });
    const mutation = await kit.app.inject({ method: 'GET', url: `/graphql?query=${encodeURIComponent('mutation { createRoom(name: "x") { roomId } }')}`, headers: { authorization: `Bearer ${token}` } });
    expect(mutation.statusCode).toBe(405);
    expect(mutation.json().errors[0].extensions).toEqual({ code: 'METHOD_NOT_ALLOWED' });
  });

  it('answers a body that is not JSON with INVALID_JSON', async () => {
    const answer = await kit.app.inject({ method: 'POST', url: '/graphql', headers: { 'content-type': 'application/json' }, payload: '{"query": ' });
    expect(answer.statusCode).toBe(400);
    expect(answer.json().errors.map((error: { extensions: unknown }) => error.extensions)).toEqual([{ code: 'INVALID_JSON' }]);
  });

  it('hides an unexpected failure behind INTERNAL_ERROR', async () => {
    jest.spyOn(kit.chat, 'listRooms').mockRejectedValue(new Error('connection string mongodb://secret@db'));
    const answer = await gql('{ rooms { roomId } }', { token });
    expect(answer.status).toBe(200);
    expect(answer.body.errors).toEqual([expect.objectContaining({ message: 'An unexpected error occurred', extensions: { code: 'INTERNAL_ERROR' } })]);
    expect(JSON.stringify(answer.body)).not.toContain('secret');
  });
});
