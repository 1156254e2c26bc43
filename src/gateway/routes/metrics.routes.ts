import type { FastifyPluginAsync } from 'fastify';
import { register } from 'prom-client';
import { httpRequestDuration } from '../metrics/gateway-metrics';
import { metricsSchemas } from './metrics.schemas';
import { sharedPlugin } from '../http/shared-plugin';

/**
 * GET /metrics: every metric of this process in Prometheus' text format (no token: keep it
 * off the public edge, see the README's Metrics section). Also times every HTTP answer into
 * `chatterroom_http_request_duration_seconds` by route pattern (never the raw URL).
 */
export const metricsRoutes: FastifyPluginAsync = sharedPlugin('metrics', async (app) => {
  app.addHook('onResponse', async (request, reply) => {
    const route = request.routeOptions.url ?? 'unmatched';
    httpRequestDuration.observe({ method: request.method, route, status_code: String(reply.statusCode) }, reply.elapsedTime / 1_000);
  });
  app.get('/metrics', { config: { public: true }, schema: metricsSchemas.get }, async (_request, reply) => {
    const text = await register.metrics();
    return reply.type(register.contentType).send(text);
  });
});
