import { startGatewayTestKit, type GatewayTestKit } from '@chatterroom/test/kits/gateway/gateway-test-kit';

describe('/graphql refuses unknown request members', () => {
  let kit: GatewayTestKit;

  beforeAll(async () => {
    kit = await startGatewayTestKit();
  });
  afterAll(() => kit.app.close());

  it.each([
    ['POST', '/graphql', { query: '{ __typename }', extra: 1 }, 'unknown body field: extra'],
    ['GET', '/graphql?query=%7B__typename%7D&foo=1', undefined, 'unknown query parameter: foo'],
  ] as const)('%s %s answers 400 VALIDATION_FAILED naming it', async (method, url, payload, message) => {
    const response = await kit.app.inject({ method, url, ...(payload === undefined ? {} : { payload }) });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toEqual({ errors: [{ message, extensions: { code: 'VALIDATION_FAILED' } }] });
  });

  it('accepts every member the GraphQL-over-HTTP request has', async () => {
    const post = await kit.app.inject({
      method: 'POST',
      url: '/graphql',
      payload: { query: 'query Q { __typename }', variables: null, operationName: 'Q', extensions: {} },
    });
    expect(post.json()).toEqual({ data: { __typename: 'Query' } });
    const get = await kit.app.inject({ method: 'GET', url: `/graphql?query=${encodeURIComponent('query Q { __typename }')}&variables=%7B%7D&operationName=Q` });
    expect(get.statusCode).toBe(200);
  });
});
