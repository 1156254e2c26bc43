import type { FastifyPluginAsync } from 'fastify';
import { healthSchemas } from './health.schemas';

/** GET /health: the process serves requests (no dependency is checked). */
export const healthRoutes: FastifyPluginAsync = async (app) => {
  app.get('/health', { config: { public: true }, schema: healthSchemas.get }, async () => ({ status: 'ok' }));
};
