import Fastify from 'fastify';
import { securityHeadersPlugin } from './security-headers.plugin';

describe('securityHeadersPlugin', () => {
  it('sends the same security headers on every answer, errors included', async () => {
    const app = Fastify();
    await app.register(securityHeadersPlugin);
    app.get('/ok', async () => ({ ok: true }));
    app.get('/fails', async () => {
      throw Object.assign(new Error('no'), { statusCode: 400 });
    });
    for (const url of ['/ok', '/fails', '/missing', '/ok']) {
      const { headers } = await app.inject({ method: 'GET', url });
      expect(headers['content-security-policy']).toBe(
        "default-src 'self';base-uri 'self';connect-src 'self';font-src 'self' data:;form-action 'self';frame-ancestors 'none';img-src 'self' data:;object-src 'none';script-src 'self';script-src-attr 'none';style-src 'self' 'unsafe-inline'",
      );
      expect(headers).toMatchObject({
        'x-frame-options': 'DENY',
        'cross-origin-resource-policy': 'same-origin',
        'x-content-type-options': 'nosniff',
        'strict-transport-security': 'max-age=31536000; includeSubDomains',
      });
    }
    await app.close();
  });
});
