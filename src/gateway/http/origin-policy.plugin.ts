import cors from '@fastify/cors';
import { GatewayErrors } from './gateway-errors';
import type { AllowedOrigins } from './allowed-origins';
import { sharedPlugin } from './shared-plugin';

/**
 * Refuses, before anything else runs, every request whose Origin is neither the gateway's
 * own nor a configured one: HTTP calls, CORS preflights and WebSocket upgrades (/ws/chat and
 * the GraphQL subscription socket) alike, with `403 ORIGIN_NOT_ALLOWED`. Configured origins
 * get CORS headers (@fastify/cors), so a web client served elsewhere can call the API with
 * `Authorization` and JSON bodies. Register it before the routes.
 */
export const originPolicyPlugin = sharedPlugin<{ origins: AllowedOrigins }>('gateway-origin-policy', async (app, { origins }) => {
  app.addHook('onRequest', async (request) => {
    const origin = request.headers.origin;
    if (!origins.allows(origin, request.headers.host)) throw GatewayErrors.originNotAllowed(String(origin));
  });
  await app.register(cors, {
    origin: origins.list.length === 0 ? false : [...origins.list],
    methods: ['GET', 'POST', 'DELETE'],
    allowedHeaders: ['Authorization', 'Content-Type'],
    exposedHeaders: ['Retry-After'],
    maxAge: 600,
    strictPreflight: true,
  });
});
