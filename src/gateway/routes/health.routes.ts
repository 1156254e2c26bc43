import type { FastifyPluginAsync } from 'fastify';

/** GET /health: the process serves requests (no dependency is checked). */
export const healthRoutes: FastifyPluginAsync = async (app) => {
  app.get('/health', { config: { public: true } }, async () => ({ status: 'ok' }));
};
