import type { FastifyPluginAsync } from 'fastify';
import { httpRequestDuration } from './gateway-metrics';
import { sharedPlugin } from '../http/shared-plugin';

/**
 * Times every HTTP answer into `chatterroom_http_request_duration_seconds` by route pattern
 * (never the raw URL). The metrics themselves are served on a listener of their own
 * (METRICS_HOST, METRICS_PORT), never on the public port: see the README's Metrics section.
 */
export const httpLatencyPlugin: FastifyPluginAsync = sharedPlugin('http-latency', async (app) => {
  app.addHook('onResponse', async (request, reply) => {
    const route = request.routeOptions.url ?? 'unmatched';
    httpRequestDuration.observe({ method: request.method, route, status_code: String(reply.statusCode) }, reply.elapsedTime / 1_000);
  });
});
