import { anonymous, expectError, newUser, sendPrivate } from '@chatterroom/test/harness/system';
import { HttpClient } from '@chatterroom/test/harness/system/http-client';
import { gateway } from '@chatterroom/test/harness/system/system';

/** The value of one sample line `name{labels} value` (labels as written, in order), or undefined. */
const sample = (text: string, series: string): number | undefined => {
  const line = text.split('\n').find((candidate) => candidate.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
};

/** The metrics listener of the first gateway (the monolith's own), apart from its public port. */
const metricsListener = (): HttpClient => {
  const { metricsUrl } = gateway(0);
  if (metricsUrl === undefined) throw new Error('the target has no metrics listener');
  return new HttpClient(metricsUrl);
};

const metrics = async (): Promise<string> => {
  const response = await metricsListener().get<string>('/metrics');
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toMatch(/^text\/plain/);
  return response.body;
};

describe('GET /metrics', () => {
  it('is not served on the public HTTP port: 404 ROUTE_NOT_FOUND there', async () => {
    expectError(await anonymous().get('/metrics'), 404, 'ROUTE_NOT_FOUND');
  });

  it('serves Prometheus text without a token on its own listener (METRICS_PORT): process metrics and the HTTP latency histogram by route pattern', async () => {
    await anonymous().get('/health');
    const text = await metrics();
    expect(text).toContain('# TYPE process_cpu_user_seconds_total counter');
    expect(text).toContain('# TYPE chatterroom_http_request_duration_seconds histogram');
    expect(sample(text, 'chatterroom_http_request_duration_seconds_count{method="GET",route="/health",status_code="200"}')).toBeGreaterThanOrEqual(1);
    expect(text).toMatch(/^chatterroom_open_sockets\{endpoint="ws_chat"\} \d+$/m);
    expect(text).toContain('# TYPE chatterroom_fanout_queue_bytes gauge');
  });

  it('counts accepted messages and the pushes written to sockets', async () => {
    const [alice, bob] = [await newUser(0), await newUser(0)];
    const socket = await bob.ws();
    const before = sample(await metrics(), 'chatterroom_messages_sent_total{conversation="private"}') ?? 0;
    await sendPrivate(alice, bob);
    await socket.next((frame) => frame.type === 'message', 10_000);
    const text = await metrics();
    expect(sample(text, 'chatterroom_messages_sent_total{conversation="private"}')).toBeGreaterThanOrEqual(before + 1);
    expect(sample(text, 'chatterroom_messages_delivered_total{type="message"}')).toBeGreaterThanOrEqual(1);
  });

  it('serves nothing else on its listener', async () => {
    expect((await metricsListener().get('/health')).status).toBe(404);
  });
});
