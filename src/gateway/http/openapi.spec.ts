import type { RouteOptions } from 'fastify';
import { startGatewayTestKit, type GatewayTestKit } from '@chatterroom/test/kits/gateway/gateway-test-kit';

/** `/rooms/:roomId/join` as OpenAPI writes it: `/rooms/{roomId}/join`. */
const openapiPath = (url: string): string => url.replace(/:([A-Za-z0-9_]+)/g, '{$1}');

const propertiesOf = (schema: unknown): string[] => Object.keys((schema as { properties?: object } | undefined)?.properties ?? {});

interface Operation {
  readonly parameters?: ReadonlyArray<{ in: string; name: string; schema?: object }>;
  readonly requestBody?: { content: Record<string, { schema: object }> };
  readonly responses?: Record<string, unknown>;
  readonly security?: unknown[];
}

describe('the OpenAPI document', () => {
  let kit: GatewayTestKit;
  const routes: RouteOptions[] = [];

  beforeAll(async () => {
    kit = await startGatewayTestKit({ onRoute: (route) => routes.push(route) });
    await kit.app.ready();
  });
  afterAll(() => kit.app.close());

  /** The routes the app serves, except those documenting themselves away (the /docs page and the document). */
  const servedRoutes = () => routes.filter((route) => (route.schema as { hide?: boolean } | undefined)?.hide !== true);

  const documented = async () => (await kit.app.inject({ method: 'GET', url: '/openapi.json' })).json();

  it('is served at /openapi.json without a token, as OpenAPI 3.1', async () => {
    const response = await kit.app.inject({ method: 'GET', url: '/openapi.json' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ openapi: '3.1.0', info: { title: 'ChatterRoom' } });
  });

  it('documents every route the gateway serves, with each schema the route validates with', async () => {
    const doc = await documented();
    const registered = servedRoutes();
    expect(registered.map((route) => route.url)).toEqual(expect.arrayContaining(['/rooms/:roomId/join', '/ws/chat', '/graphql', '/health']));
    for (const route of registered) {
      const methods = [route.method].flat().filter((method) => method !== 'HEAD');
      for (const method of methods) {
        const operation: Operation | undefined = doc.paths[openapiPath(route.url)]?.[method.toLowerCase()];
        expect({ route: `${method} ${route.url}`, documented: operation !== undefined }).toEqual({ route: `${method} ${route.url}`, documented: true });
        const schema = route.schema ?? {};
        const parameters = (where: string) => (operation?.parameters ?? []).filter((p) => p.in === where).map((p) => p.name).sort();
        expect(parameters('path')).toEqual(propertiesOf(schema.params).sort());
        expect(parameters('query')).toEqual(propertiesOf(schema.querystring).sort());
        if (schema.body !== undefined) expect(operation?.requestBody?.content['application/json']?.schema).toBeDefined();
        const statuses = Object.keys((schema.response as object | undefined) ?? {}).map((status) => status.toUpperCase());
        expect(Object.keys(operation?.responses ?? {})).toEqual(expect.arrayContaining(statuses));
      }
    }
  });

  it('gives every route of the API its params, query, body and response schemas', () => {
    const api = servedRoutes().filter((route) => !route.url.startsWith('/graphql'));
    expect(api.length).toBeGreaterThanOrEqual(13);
    for (const route of api) {
      const schema = route.schema ?? {};
      const declared = { route: route.url, querystring: schema.querystring !== undefined, response: schema.response !== undefined };
      expect(declared).toEqual({ route: route.url, querystring: true, response: true });
      if (route.url.includes(':')) expect({ route: route.url, params: schema.params !== undefined }).toEqual({ route: route.url, params: true });
      if (route.method === 'POST') expect({ route: route.url, body: schema.body !== undefined }).toEqual({ route: route.url, body: true });
      const response = schema.response as Record<string, unknown>;
      expect({ route: route.url, errors: ['4xx', '5xx'].every((status) => status in response) }).toEqual({ route: route.url, errors: true });
    }
  });

  it('marks the body of join and leave as optional, and other bodies as required', async () => {
    const doc = await documented();
    expect(doc.paths['/rooms/{roomId}/join'].post.requestBody.required).toBe(false);
    expect(doc.paths['/rooms/{roomId}/leave'].post.requestBody.required).toBe(false);
    expect(doc.paths['/rooms/create'].post.requestBody.required).toBe(true);
  });

  it('marks the routes that need a token with the bearer scheme, and leaves public ones open', async () => {
    const doc = await documented();
    expect(doc.components.securitySchemes.bearer).toEqual({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' });
    expect(doc.paths['/rooms'].get.security).toEqual([{ bearer: [] }]);
    expect(doc.paths['/users/create'].post.security).toBeUndefined();
    expect(doc.paths['/health'].get.security).toBeUndefined();
  });

  it('serves the /docs page with assets of its own only: nothing loads from elsewhere', async () => {
    const page = await kit.app.inject({ method: 'GET', url: '/docs/' });
    expect(page.statusCode).toBe(200);
    const referenced = [...page.body.matchAll(/(?:src|href)="([^"]+)"/g)].map((match) => match[1] ?? '');
    expect(referenced.length).toBeGreaterThan(2);
    for (const url of referenced) expect(url).toMatch(/^\.\//);
    const initializer = await kit.app.inject({ method: 'GET', url: '/docs/static/swagger-initializer.js' });
    expect(initializer.statusCode).toBe(200);
    expect(initializer.body).toContain('validatorUrl: null');
    expect(initializer.body).not.toMatch(/https?:\/\/(?!stackoverflow)/);
    for (const url of referenced) {
      const asset = await kit.app.inject({ method: 'GET', url: `/docs/${url.replace(/^\.\//, '')}` });
      expect({ url, status: asset.statusCode }).toEqual({ url, status: 200 });
    }
  });
});
