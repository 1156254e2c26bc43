import { LatencyHistogram } from '../load/histogram';
import { round } from './socket-phases';

/** One request with a bearer token; throws with the answer when it is not 2xx. */
export const send = async (url: string, method: 'GET' | 'POST', token: string, body?: unknown): Promise<void> => {
  const response = await fetch(url, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    signal: AbortSignal.timeout(30_000),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${url} answered ${response.status}: ${text.slice(0, 200)}`);
};

/** Times `count` calls of `call`, one at a time, into a histogram. */
export const timed = async (count: number, call: (index: number) => Promise<void>): Promise<LatencyHistogram> => {
  const histogram = new LatencyHistogram();
  for (let index = 0; index < count; index += 1) {
    const started = performance.now();
    await call(index);
    histogram.recordMs(performance.now() - started);
  }
  return histogram;
};

/** A histogram's p50 and p99 (ms, two decimals) and its count, as the request-timing tables show them. */
export const latencyMetrics = (histogram: LatencyHistogram): Record<string, number> => ({
  p50Ms: round(histogram.percentileMs(0.5), 2), p99Ms: round(histogram.percentileMs(0.99), 2), samples: histogram.count,
});
