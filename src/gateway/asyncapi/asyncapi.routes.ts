import type { FastifyPluginAsync } from 'fastify';
import { ASYNCAPI_PATH, asyncapiDocument } from './asyncapi-document';

/** GET /asyncapi.json: the AsyncAPI 3 document of /ws/chat and of the events (no token), generated from the registries. */
export const asyncapiRoutes: FastifyPluginAsync = async (app) => {
  app.get(ASYNCAPI_PATH, { config: { public: true }, schema: { hide: true } }, async (request) => asyncapiDocument(request.host));
};
