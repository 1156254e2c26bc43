import { getIntrospectionQuery } from 'graphql';
import type { GraphqlOptions } from './graphql-options';
import { codesOf, graphqlInject } from '@chatterroom/test/kits/gateway/graphql-inject';
import { signUp, startGatewayTestKit, type GatewayTestKit } from '@chatterroom/test/kits/gateway/gateway-test-kit';

describe('GraphQL limits and switches', () => {
  const kits: GatewayTestKit[] = [];

  const start = async (graphql: Partial<GraphqlOptions> = {}) => {
    const kit = await startGatewayTestKit({ graphql });
    kits.push(kit);
    const token = (await signUp(kit.users)).token;
    return { kit, gql: graphqlInject(kit.app), token };
  };

  afterEach(async () => {
    for (const kit of kits.splice(0)) await kit.app.close();
  });

  it('refuses an operation deeper than the limit with GRAPHQL_QUERY_TOO_DEEP', async () => {
    const { gql, token } = await start({ maxDepth: 2 });
    expect((await gql('{ rooms { roomId } }', { token })).status).toBe(200);
    const deep = await gql('{ rooms { members { username } } }', { token });
    expect({ status: deep.status, codes: codesOf(deep) }).toEqual({ status: 400, codes: ['GRAPHQL_QUERY_TOO_DEEP'] });
    const throughFragment = await gql('{ rooms { ...R } } fragment R on Room { messages { messageId } }', { token });
    expect(codesOf(throughFragment)).toEqual(['GRAPHQL_QUERY_TOO_DEEP']);
  });

  it('refuses an operation costing more than the limit, counting the limit of each history from the variables', async () => {
    const { gql, token } = await start({ maxComplexity: 100 });
    const query = 'query($limit: Int) { privateHistory(userId: 1, limit: $limit) { messageId message } }';
    expect((await gql(query, { token, variables: { limit: 20 } })).status).toBe(200);
    const tooMuch = await gql(query, { token, variables: { limit: 60 } });
    expect({ status: tooMuch.status, codes: codesOf(tooMuch) }).toEqual({ status: 400, codes: ['GRAPHQL_QUERY_TOO_COMPLEX'] });
    const aliases = await gql('{ a: rooms { roomId name } b: rooms { roomId name } c: rooms { roomId name } d: rooms { roomId name } e: rooms { roomId name } }', { token });
    expect(codesOf(aliases)).toEqual(['GRAPHQL_QUERY_TOO_COMPLEX']);
  });

  it('answers the standard introspection query by default, within the default limits', async () => {
    const { gql } = await start();
    const answer = await gql(getIntrospectionQuery());
    expect(answer.status).toBe(200);
    expect(answer.body.data.__schema.subscriptionType).toEqual(expect.objectContaining({ name: 'Subscription' }));
  });

  it('refuses introspection when it is switched off, but still answers __typename', async () => {
    const { gql, token } = await start({ introspection: false });
    const answer = await gql('{ __schema { queryType { name } } }', { token });
    expect({ status: answer.status, codes: codesOf(answer) }).toEqual({ status: 400, codes: ['GRAPHQL_INTROSPECTION_DISABLED'] });
    expect((await gql('{ __typename }')).body).toEqual({ data: { __typename: 'Query' } });
  });

  it('serves no GraphiQL by default, and serves it without a token when enabled', async () => {
    const { kit } = await start();
    expect((await kit.app.inject({ method: 'GET', url: '/graphiql' })).statusCode).toBe(404);
    const { kit: withGraphiql } = await start({ graphiql: true });
    const page = await withGraphiql.app.inject({ method: 'GET', url: '/graphiql' });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toContain('text/html');
    expect(page.body).toContain('data-endpoint="/graphql"');
  });
});
