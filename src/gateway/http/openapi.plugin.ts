import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { RouteOptions } from 'fastify';
import { sharedPlugin } from './shared-plugin';

/** Where the OpenAPI document and its page are served. */
export const OPENAPI_PATH = '/openapi.json';
export const DOCS_PATH = '/docs';

const isPublic = (route: RouteOptions | undefined): boolean => route?.config?.public === true;

type Document = { paths?: Record<string, Record<string, { requestBody?: { required?: boolean; content?: Record<string, { schema?: unknown }> } }>> };

const acceptsNull = (schema: unknown): boolean =>
  Array.isArray((schema as { anyOf?: unknown } | undefined)?.anyOf) &&
  ((schema as { anyOf: Array<{ type?: unknown }> }).anyOf).some((branch) => branch.type === 'null');

/** A body whose schema accepts `null` may be left out (join and leave): its requestBody is not required. */
const optionalBodies = (document: Document): void => {
  for (const operations of Object.values(document.paths ?? {})) {
    for (const operation of Object.values(operations)) {
      const body = operation.requestBody;
      if (body !== undefined && Object.values(body.content ?? {}).some((media) => acceptsNull(media.schema))) body.required = false;
    }
  }
};

/**
 * The OpenAPI 3.1 document, generated (@fastify/swagger) from the same route schemas that
 * validate requests, served at /openapi.json; a browsable page of it at /docs
 * (@fastify/swagger-ui, whose assets are served from this process: nothing is loaded from
 * the Internet). Routes needing a token carry the `bearer` security requirement.
 * Register it before the routes: it collects them as they are added.
 */
export const openapiPlugin = sharedPlugin('gateway-openapi', async (app) => {
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'ChatterRoom',
        version: '1',
        description: 'Private chats and group rooms. Errors: `{statusCode, code, error, message}`; branch on `code`.',
      },
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } } },
    },
    transformObject: (documents) => {
      if ('openapiObject' in documents) optionalBodies(documents.openapiObject as Document);
      return 'openapiObject' in documents ? documents.openapiObject : documents.swaggerObject;
    },
    transform: ({ schema, url, route }) => ({
      schema: isPublic(route as RouteOptions | undefined) ? schema : { ...schema, security: [{ bearer: [] }] },
      url,
    }),
  });
  await app.register(swaggerUi, { routePrefix: DOCS_PATH, uiConfig: { validatorUrl: null }, staticCSP: false });
  app.get(OPENAPI_PATH, { config: { public: true }, schema: { hide: true } }, async () => app.swagger());
});
