import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startGatewayTestKit, type GatewayTestKit } from '@chatterroom/test/kits/gateway/gateway-test-kit';
import { GRAPHIQL_ASSETS } from './graphiql-assets';

const shipped = (from: string): Buffer => readFileSync(join(__dirname, '..', '..', '..', 'node_modules', from));

describe('GraphiQL at /graphiql', () => {
  let kit: GatewayTestKit;

  beforeAll(async () => {
    kit = await startGatewayTestKit({ graphql: { graphiql: true } });
  });

  afterAll(async () => kit.app.close());

  const get = (url: string) => kit.app.inject({ method: 'GET', url });

  it('serves a page whose scripts and styles all come from this server, without a token', async () => {
    const page = await get('/graphiql');
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
    const sources = [...page.body.matchAll(/(?:src|href)="([^"]+)"/g)].map((match) => match[1]);
    expect(sources.sort()).toEqual(
      ['/graphiql/assets/graphiql.min.css', '/graphiql/assets/graphiql.min.js', '/graphiql/assets/react-dom.production.min.js', '/graphiql/assets/react.production.min.js', '/graphiql/assets/start.js'].sort(),
    );
    expect(page.body).not.toMatch(/<script>|https?:\/\//);
  });

  it.each(Object.entries(GRAPHIQL_ASSETS))('serves %s byte for byte as its npm package ships it', async (name, { from, type }) => {
    const asset = await get(`/graphiql/assets/${name}`);
    expect(asset.statusCode).toBe(200);
    expect(asset.headers['content-type']).toBe(type);
    expect(asset.rawPayload.equals(shipped(from))).toBe(true);
  });

  it('starts GraphiQL on the GraphQL endpoint from a script file (the Content-Security-Policy allows no inline script)', async () => {
    const script = await get('/graphiql/assets/start.js');
    expect(script.statusCode).toBe(200);
    expect(script.body).toContain('GraphiQL.createFetcher');
    expect((await get('/graphiql')).headers['content-security-policy']).toContain("script-src 'self'");
  });
});
