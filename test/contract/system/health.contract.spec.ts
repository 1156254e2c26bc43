import { anonymous, expectError } from '@chatterroom/test/harness/system';

describe('GET /health/live and /health/ready', () => {
  it('/health/live answers 200 {status: "ok"} without a token', async () => {
    const response = await anonymous().get('/health/live');
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ status: 'ok' });
  });

  it('/health/ready answers 200 with every dependency up, on every gateway', async () => {
    for (const index of [0, 1]) {
      const response = await anonymous(index).get('/health/ready');
      expect(response.status).toBe(200);
      expect(response.body.status).toBe('ready');
      expect(Object.values(response.body.checks as Record<string, string>).every((outcome) => outcome === 'up')).toBe(true);
    }
  });

  it('/health stays as documented: 200 {status: "ok"}', async () => {
    const response = await anonymous().get('/health');
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ status: 'ok' });
  });

  it('refuses query parameters with 400 VALIDATION_FAILED', async () => {
    expectError(await anonymous().get('/health/ready?verbose=1'), 400, 'VALIDATION_FAILED');
  });
});
