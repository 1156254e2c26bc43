import helmet from 'helmet';
import { sharedPlugin } from './shared-plugin';

/**
 * Security headers on every answer (helmet). The Content-Security-Policy lets a
 * web client served by this gateway at `/` load its own scripts, styles, images and fonts
 * and call the API and WebSockets of the same origin, and nothing from elsewhere: no inline
 * scripts, no plugins, no framing. Inline styles stay allowed (the /docs page needs them).
 * `upgrade-insecure-requests` is left out so a plain-HTTP deployment keeps working; TLS is
 * the load balancer's (HSTS is sent and only takes effect over HTTPS).
 */
export const CONTENT_SECURITY_POLICY = {
  'default-src': ["'self'"],
  'base-uri': ["'self'"],
  'connect-src': ["'self'"],
  'font-src': ["'self'", 'data:'],
  'form-action': ["'self'"],
  'frame-ancestors': ["'none'"],
  'img-src': ["'self'", 'data:'],
  'object-src': ["'none'"],
  'script-src': ["'self'"],
  'script-src-attr': ["'none'"],
  'style-src': ["'self'", "'unsafe-inline'"],
} as const;

/** helmet's middleware, built once: it sets the same headers on every answer. */
const applySecurityHeaders = helmet({
  contentSecurityPolicy: { useDefaults: false, directives: { ...CONTENT_SECURITY_POLICY } },
  crossOriginResourcePolicy: { policy: 'same-origin' },
  frameguard: { action: 'deny' },
});

/**
 * helmet itself in one onRequest hook, rather than @fastify/helmet, which builds helmet's middleware
 * again for every request (parsing the policy each time) in two async hooks: ~2 % of a split
 * gateway's busy time in the one-room bench.
 */
export const securityHeadersPlugin = sharedPlugin('gateway-security-headers', async (app) => {
  app.addHook('onRequest', (request, reply, done) => applySecurityHeaders(request.raw, reply.raw, (error?: unknown) => done(error as Error | undefined)));
});
