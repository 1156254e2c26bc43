import { startGatewayTestKit } from '@chatterroom/test/kits/gateway/gateway-test-kit';
import type { ReadinessCheck } from '@chatterroom/kernel';

const check = (name: string, answers: boolean): ReadinessCheck => ({
  name,
  probe: async () => {
    if (!answers) throw new Error(`${name} does not answer`);
  },
});

const appWith = async (readinessChecks: readonly ReadinessCheck[]) => (await startGatewayTestKit({}, { readinessChecks })).app;

describe('health routes', () => {
  it('/health/ready is 200 with each check while every one answers', async () => {
    const app = await appWith([check('database', true), check('broker', true)]);
    try {
      const ready = await app.inject({ method: 'GET', url: '/health/ready' });
      expect([ready.statusCode, ready.json()]).toEqual([200, { status: 'ready', checks: { database: 'up', broker: 'up' } }]);
    } finally {
      await app.close();
    }
  });

  it('/health/ready is 503 NOT_READY naming the checks that failed; /health/live and /health stay 200', async () => {
    const app = await appWith([check('database', true), check('broker', false)]);
    try {
      const notReady = await app.inject({ method: 'GET', url: '/health/ready' });
      expect(notReady.statusCode).toBe(503);
      expect(notReady.json()).toEqual({
        statusCode: 503,
        code: 'NOT_READY',
        error: 'Service Unavailable',
        message: 'Not ready: broker (broker does not answer)',
        checks: { database: 'up', broker: 'broker does not answer' },
      });
      expect((await app.inject({ method: 'GET', url: '/health/live' })).json()).toEqual({ status: 'ok' });
      expect((await app.inject({ method: 'GET', url: '/health' })).json()).toEqual({ status: 'ok' });
    } finally {
      await app.close();
    }
  });

  it('/health/ready says ready when the process needs nothing outside it (a monolith in memory)', async () => {
    const app = await appWith([]);
    try {
      expect((await app.inject({ method: 'GET', url: '/health/ready' })).json()).toEqual({ status: 'ready', checks: {} });
    } finally {
      await app.close();
    }
  });
});
